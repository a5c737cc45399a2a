/**
 * Scripts the answers of a mocked `@forge/bridge` `invoke` — the one edge UI tests mock — in
 * the backend's own `{ data } | { error }` shapes.
 */
import type { EndpointName } from '../resolver-client';

/** How each resolver key answers; an unscripted call fails as the backend would. */
export type ResolverScript = Partial<Record<EndpointName, (payload: never) => unknown>>;

export function answerResolvers(invoke: jest.Mock, script: ResolverScript): void {
  invoke.mockImplementation(async (name: EndpointName, payload: never) => {
    const answer = script[name];
    return answer ? answer(payload) : { error: { code: 'internal', message: `No answer scripted for ${name}` } };
  });
}

/** The payloads sent to one resolver key, in order. */
export function callsTo(invoke: jest.Mock, name: EndpointName): unknown[] {
  return invoke.mock.calls.filter(([called]) => called === name).map(([, payload]) => payload);
}
