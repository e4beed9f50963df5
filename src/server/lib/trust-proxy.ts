import type { Config } from '../config.ts';

/**
 * Fastify's `trustProxy` for the configured proxies (decision 0025).
 *
 * A list of addresses and CIDR ranges goes to fastify as it is. A hop count
 * becomes a function trusting that many hops: fastify 5.12 ignores a bare
 * number (it fails closed, since a count cannot check who the immediate peer
 * is). So a count is only right when clients cannot reach the server except
 * through the proxies; the README says so and recommends the addresses.
 */
export function trustProxyOption(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
