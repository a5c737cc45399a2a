/**
 * The thin edge every resolver shares: validate the payload, identify the caller from what Forge
 * vouches for, run the use case, and turn every failure into a typed `{ error }` (never a stack).
 */
import type { z } from 'zod';
import type { Caller } from '../app/support/caller';
import type { Ports } from '../app/ports';
import { GoalkeeperError, type DomainError } from '../domain/errors';
import { needsUserConsent } from '../jira/jira-client';

/**
 * The licence as Forge hands it over. Atlassian's published type (@forge/bridge `LicenseDetails`)
 * names the flag `active`; `isActive` is the older name Atlassian's own answers used
 * (https://community.developer.atlassian.com/t/custom-ui-resolver-callback-context-element-licensing-information/48971),
 * read only when `active` is absent, so a site still sending the old shape is gated too.
 * Free and development installations carry no licence at all (nothing to gate).
 */
export interface ForgeLicense {
  readonly active?: boolean;
  readonly isActive?: boolean;
}

/** What Forge hands a resolver definition; only accountId, license and installContext are trusted (locale only picks a language). */
export interface ResolverRequest {
  readonly payload: unknown;
  readonly context: {
    readonly accountId?: string;
    readonly license?: ForgeLicense | null;
    readonly installContext?: string;
    readonly locale?: unknown;
  };
}

/** Whether Forge says the app's licence on this site has lapsed. */
export function licenseLapsed(license: ForgeLicense | null | undefined): boolean {
  if (!license) return false;
  const active = typeof license.active === 'boolean' ? license.active : license.isActive;
  return active === false;
}

export type ResolverAnswer<T> = { readonly data: T } | { readonly error: DomainError };

export interface Endpoint<S extends z.ZodType, T> {
  readonly schema: S;
  /** Mutations are refused without an active licence; reads stay available (read-only mode). */
  readonly mutates: boolean;
  readonly run: (ports: Ports, caller: Caller, input: z.infer<S>) => Promise<T>;
}

export function defineEndpoint<S extends z.ZodType, T>(endpoint: Endpoint<S, T>): Endpoint<S, T> {
  return endpoint;
}

export async function handleRequest<S extends z.ZodType, T>(
  endpoint: Endpoint<S, T>,
  request: ResolverRequest,
  makePorts: () => Ports,
): Promise<ResolverAnswer<T>> {
  try {
    const accountId = request.context.accountId;
    if (!accountId) return { error: { code: 'forbidden', message: 'Goalkeeper needs a signed-in Atlassian account.' } };
    if (endpoint.mutates && licenseLapsed(request.context.license)) {
      return {
        error: {
          code: 'unlicensed',
          message:
            'Goalkeeper is not licensed on this site. You can still read proposals; ask a Jira admin to renew the licence to make changes.',
        },
      };
    }
    const parsed = endpoint.schema.safeParse(request.payload ?? {});
    if (!parsed.success) return { error: invalidInput(parsed.error) };
    const caller = callerOf(accountId, request.context.locale);
    const licensed = licenseLapsed(request.context.license) ? { ...caller, licenseActive: false } : caller;
    return { data: await endpoint.run(makePorts(), licensed, parsed.data) };
  } catch (error) {
    // Forge answers this one itself, by asking the person to allow the app to act as them.
    if (needsUserConsent(error)) throw error;
    return { error: toDomainError(error) };
  }
}

/** The UI locale only picks a language (src/domain/notice-wording.ts), so any short locale-shaped text is taken and the rest ignored. */
function callerOf(accountId: string, locale: unknown): Caller {
  return typeof locale === 'string' && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(locale) ? { accountId, locale } : { accountId };
}

function invalidInput(error: z.ZodError): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '(payload)'] ??= issue.message;
  return {
    code: 'invalid-input',
    message: `The request is not valid: ${Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ')}`,
    fields,
  };
}

export function toDomainError(error: unknown): DomainError {
  if (error instanceof GoalkeeperError) return error.toDomainError();
  // Unexpected failures are logged for the app's developers and reported without internals.
  console.error('Goalkeeper internal error', error);
  return {
    code: 'internal',
    message: 'Something went wrong in Goalkeeper. Reload and try again; the audit trail shows what was recorded.',
  };
}
