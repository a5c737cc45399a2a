/** The Forge resolver: every endpoint defined on one @forge/resolver, ports built per call. */
import Resolver from '@forge/resolver';
import type { Ports } from '../app/ports';
import { endpoints } from './endpoints';
import { handleRequest, type ResolverRequest } from './resolver-boundary';

export function buildResolver(makePorts: () => Ports) {
  const resolver = new Resolver();
  for (const [name, endpoint] of Object.entries(endpoints)) {
    resolver.define(name, (request) => handleRequest(endpoint as never, request as unknown as ResolverRequest, makePorts) as never);
  }
  return resolver.getDefinitions();
}
