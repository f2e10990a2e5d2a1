/**
 * Erlang B: the blocking probability of the M/M/c/c loss system, where an
 * arrival that finds all c servers busy is lost.
 */
import { requireInteger, requireNonNegative } from './validate.js';

/**
 * Computes Erlang B without input checks, by the recursion
 * B(0) = 1, B(k) = a * B(k-1) / (k + a * B(k-1)).
 * Every step stays in [0, 1], so the result neither overflows nor loses
 * precision for thousands of servers, unlike the textbook ratio of sums
 * a^c / c! over sum of a^k / k!.
 */
export function erlangBRecursion(servers: number, offeredLoad: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k += 1) {
    const product = offeredLoad * blocking;
    blocking = product / (k + product);
  }
  return blocking;
}

/**
 * Computes the Erlang B blocking probability: the fraction of Poisson
 * arrivals lost by c servers with no waiting room. The result holds for any
 * service-time distribution with the given mean.
 *
 * @param servers - number of servers c, an integer of at least 1.
 * @param offeredLoad - offered traffic a = lambda / mu, in erlangs, at least
 *   0 (arrival rate per second times mean service time in seconds).
 * @returns the blocking probability, from 0 to 1.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  requireInteger('erlangB', 'servers', servers, 1);
  requireNonNegative('erlangB', 'offeredLoad', offeredLoad);
  return erlangBRecursion(servers, offeredLoad);
}
