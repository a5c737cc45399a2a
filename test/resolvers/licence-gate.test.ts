import { z } from 'zod';
import type { Ports } from '../../src/app/ports';
import { defineEndpoint, handleRequest, licenseLapsed } from '../../src/resolvers/resolver-boundary';

/**
 * Forge's licence object as Atlassian publishes its type (@forge/bridge `LicenseDetails`:
 * active, billingPeriod, ccpEntitlementId, ccpEntitlementSlug, isEvaluation, subscriptionEndDate,
 * supportEntitlementNumber, trialEndDate, type, modes), with `active` as given.
 */
const documentedLicense = (active: boolean) => ({
  active,
  billingPeriod: 'MONTHLY',
  ccpEntitlementId: 'e-1',
  ccpEntitlementSlug: 'e-1',
  isEvaluation: false,
  subscriptionEndDate: null,
  supportEntitlementNumber: null,
  trialEndDate: null,
  type: 'commercial',
  modes: null,
});

let ran = 0;
const mutation = defineEndpoint({ schema: z.object({}), mutates: true, run: async () => ++ran });
const read = defineEndpoint({ schema: z.object({}), mutates: false, run: async () => ++ran });
const noPorts = () => ({}) as Ports;
const call = (endpoint: typeof mutation, license: unknown) =>
  handleRequest(endpoint, { payload: {}, context: { accountId: '557058:dev-dana', license: license as never } }, noPorts);

describe('the licence gate', () => {
  it('refuses a change on a site whose licence Forge reports inactive, in the documented `active` shape', async () => {
    const before = ran;
    expect(await call(mutation, documentedLicense(false))).toEqual({ error: expect.objectContaining({ code: 'unlicensed' }) });
    expect(ran).toBe(before);
  });

  it('still answers reads there, and changes on a licensed site', async () => {
    expect(await call(read, documentedLicense(false))).toEqual({ data: expect.any(Number) });
    expect(await call(mutation, documentedLicense(true))).toEqual({ data: expect.any(Number) });
  });

  it('reads the older `isActive` shape only when `active` is absent', () => {
    expect(licenseLapsed({ isActive: false })).toBe(true);
    expect(licenseLapsed({ isActive: true })).toBe(false);
    expect(licenseLapsed({ active: true, isActive: false })).toBe(false);
    expect(licenseLapsed({ active: false, isActive: true })).toBe(true);
  });

  it('gates nothing where Forge sends no licence (free and development installations)', () => {
    expect(licenseLapsed(undefined)).toBe(false);
    expect(licenseLapsed(null)).toBe(false);
    expect(licenseLapsed({})).toBe(false);
  });
});
