/**
 * The resolver calls, typed from the backend's own endpoint table (src/resolvers/endpoints.ts):
 * a key's payload is its schema's input, its result what its use case returns. Types only: no
 * backend code enters a front-end bundle through this file.
 */
import type { z } from 'zod';
import type { DomainError } from '../domain/errors';
import type { endpoints } from '../resolvers/endpoints';

export type Endpoints = typeof endpoints;
/** Every resolver key the manifest's resolver answers (the `functionKey` of an `invoke`). */
export type EndpointName = keyof Endpoints;
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
    : T;
/** The schema's input, read-only all the way down so the domain's read-only types fit it. */
export type PayloadOf<K extends EndpointName> = DeepReadonly<z.input<Endpoints[K]['schema']>>;
export type ResultOf<K extends EndpointName> = Awaited<ReturnType<Endpoints[K]['run']>>;
/** What a resolver answers on the wire: its result, or a typed error (src/resolvers/resolver-boundary.ts). */
export type ResolverAnswer<K extends EndpointName> =
  { readonly data: ResultOf<K>; readonly error?: undefined } | { readonly data?: undefined; readonly error: DomainError };

export type { DomainError, ErrorCode } from '../domain/errors';
