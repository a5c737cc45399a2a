/**
 * The sandbox seed's people (sandbox/jira/seed.ts) and the policy the seed's admin saved for ONB
 * (sandbox/app-seed.ts), under one name each, for every test that acts as someone. A test checks
 * them against the seeded site (test/app/rules/people.test.ts), so fixtures cannot drift from it.
 */
import { SEEDED_ONB_SETTINGS } from '../../sandbox/app-seed';
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
}

/** ONB's named Product Owner (also in the project's "Product Owner" role). */
export const PRIYA: Person = { accountId: SEED_ACCOUNTS.productOwner, displayName: 'Priya Raman' };
/** ONB Developers. */
export const DANA: Person = { accountId: SEED_ACCOUNTS.devDana, displayName: 'Dana Kowalski' };
export const KOFI: Person = { accountId: SEED_ACCOUNTS.devKofi, displayName: 'Kofi Mensah' };
export const MEI: Person = { accountId: SEED_ACCOUNTS.devMei, displayName: 'Mei Tanaka' };
/** A stakeholder who may browse ONB and nothing more. */
export const SAM: Person = { accountId: SEED_ACCOUNTS.stakeholder, displayName: 'Sam Okafor' };
/** The site's and ONB's admin. */
export const ADA: Person = { accountId: SEED_ACCOUNTS.siteAdmin, displayName: 'Ada Lindqvist' };
/** A developer on the Billing project only: ONB is not theirs to see. */
export const FIN: Person = { accountId: SEED_ACCOUNTS.billingDeveloper, displayName: 'Fin Gallagher' };

export const SEED_PEOPLE: readonly Person[] = [PRIYA, DANA, KOFI, MEI, SAM, ADA, FIN];

/** ONB's settings as the seed saved them: default policy, Priya named Product Owner. */
export const ONB_SETTINGS = SEEDED_ONB_SETTINGS;
