import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  mm1,
  mmc,
  mmck,
} from '../../src/analytic/index.js';

/** Erlang C by the direct sum, in log space, as an independent reference. */
function erlangCBySum(servers: number, offeredLoad: number): number {
  const logTerms: number[] = [];
  let logTerm = 0;
  for (let k = 0; k < servers; k += 1) {
    if (k > 0) {
      logTerm += Math.log(offeredLoad) - Math.log(k);
    }
    logTerms.push(logTerm);
  }
  const logWaitTerm =
    logTerm +
    Math.log(offeredLoad) -
    Math.log(servers) +
    Math.log(servers / (servers - offeredLoad));
  const max = Math.max(logWaitTerm, ...logTerms);
  const idle = logTerms.reduce((sum, t) => sum + Math.exp(t - max), 0);
  const wait = Math.exp(logWaitTerm - max);
  return wait / (idle + wait);
}

describe('erlangC', () => {
  it('two servers at one erlang', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('one server equals rho', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
  });

  it('375 servers at rho 0.99', () => {
    expect(erlangC(375, 371.25)).toBeCloseTo(erlangCBySum(375, 371.25), 12);
  });

  it('375 servers at rho 0.99999', () => {
    const load = 375 * 0.99999;
    const probability = erlangC(375, load);
    expect(probability).toBeLessThanOrEqual(1);
    expect(probability).toBeCloseTo(erlangCBySum(375, load), 10);
  });

  it('rejects load at server count', () => {
    expect(() => erlangC(2, 2)).toThrow(
      'erlangC: offeredLoad 2 must be below servers 2 for a stable queue ' +
        '(utilisation 1 >= 1)',
    );
  });
});

describe('mmc', () => {
  it('one server equals mm1', () => {
    const single = mmc(0.8, 1, 1);
    const reference = mm1(0.8, 1);
    expect(single.meanWait).toBeCloseTo(reference.meanWait, 12);
    expect(single.meanResponse).toBeCloseTo(reference.meanResponse, 12);
    expect(single.meanInQueue).toBeCloseTo(reference.meanInQueue, 12);
    expect(single.meanInSystem).toBeCloseTo(reference.meanInSystem, 12);
    expect(single.utilisation).toBeCloseTo(reference.utilisation, 12);
  });

  // lambda = 1, mu = 1, c = 2: C = 1/3, Wq = C / (2 - 1) = 1/3,
  // W = 1/3 + 1 = 4/3, Lq = 1/3, L = 4/3, rho = 0.5.
  const twoServers = mmc(1, 1, 2);

  it('two servers wait probability', () => {
    expect(twoServers.waitProbability).toBeCloseTo(1 / 3, 12);
  });

  it('two servers mean wait', () => {
    expect(twoServers.meanWait).toBeCloseTo(1 / 3, 12);
  });

  it('two servers mean response', () => {
    expect(twoServers.meanResponse).toBeCloseTo(4 / 3, 12);
  });

  it('two servers mean in system', () => {
    expect(twoServers.meanInSystem).toBeCloseTo(4 / 3, 12);
  });

  it('two servers utilisation', () => {
    expect(twoServers.utilisation).toBeCloseTo(0.5, 12);
  });

  it('375 servers near saturation', () => {
    const metrics = mmc(374.99, 1, 375);
    const expectedWait = erlangCBySum(375, 374.99) / (375 - 374.99);
    expect(Number.isFinite(metrics.meanWait)).toBe(true);
    expect(metrics.meanWait).toBeCloseTo(expectedWait, 8);
  });

  it('rejects unstable load with capacity', () => {
    expect(() => mmc(5, 1, 4)).toThrow(
      'mmc: arrivalRate 5 must be below servers * serviceRate 4 for a ' +
        'stable queue (utilisation 1.25 >= 1)',
    );
  });

  it('rejects zero servers', () => {
    expect(() => mmc(1, 1, 0)).toThrow(
      'mmc: servers 0 must be an integer of at least 1',
    );
  });
});

describe('mmck', () => {
  it('mm1/1 blocking is rho / (1 + rho)', () => {
    expect(mmck(0.5, 1, 1, 1).lossProbability).toBeCloseTo(0.5 / 1.5, 12);
  });

  it('mm1/1 response is service time', () => {
    expect(mmck(0.5, 1, 1, 1).meanResponse).toBeCloseTo(1, 12);
  });

  it('capacity c equals Erlang B', () => {
    expect(mmck(3, 1, 4, 4).lossProbability).toBeCloseTo(erlangB(4, 3), 12);
  });

  it('large capacity approaches mmc', () => {
    const finite = mmck(1.5, 1, 2, 2000);
    const infinite = mmc(1.5, 1, 2);
    expect(finite.lossProbability).toBeLessThan(1e-12);
    expect(finite.meanResponse).toBeCloseTo(infinite.meanResponse, 10);
    expect(finite.meanInQueue).toBeCloseTo(infinite.meanInQueue, 10);
  });

  it('mm1/K at rho 1 is uniform', () => {
    // p_n = 1 / (K + 1) for n = 0..K when lambda = mu.
    const metrics = mmck(1, 1, 1, 4);
    expect(metrics.lossProbability).toBeCloseTo(0.2, 12);
    expect(metrics.meanInSystem).toBeCloseTo(2, 12);
  });

  // M/M/2/7 with lambda = 50 and mu = 37 per hour, as printed in the
  // "System Performance Summary" of slideshare.net/slideshow/pois-28144510:
  // effective arrival rate 48.6876, utilisation 65.7940 %, L = 2.0711,
  // Lq = 0.7552, W = 0.0425 h, Wq = 0.0155 h. Rates here are per hour, so
  // times come out in hours.
  const published = mmck(50, 37, 2, 7);

  it('M/M/2/7 effective arrival rate', () => {
    expect(published.throughput).toBeCloseTo(48.6876, 4);
  });

  it('M/M/2/7 utilisation', () => {
    expect(published.utilisation).toBeCloseTo(0.65794, 5);
  });

  it('M/M/2/7 mean in system', () => {
    expect(published.meanInSystem).toBeCloseTo(2.0711, 4);
  });

  it('M/M/2/7 mean in queue', () => {
    expect(published.meanInQueue).toBeCloseTo(0.7552, 4);
  });

  it('M/M/2/7 mean response', () => {
    expect(published.meanResponse).toBeCloseTo(0.0425, 4);
  });

  it('M/M/2/7 mean wait', () => {
    expect(published.meanWait).toBeCloseTo(0.0155, 4);
  });

  it('overload is allowed', () => {
    const metrics = mmck(10, 1, 2, 5);
    expect(metrics.throughput).toBeLessThan(2);
    expect(metrics.lossProbability).toBeGreaterThan(0.8);
  });

  it('huge overload stays finite', () => {
    const metrics = mmck(1e6, 1, 375, 5000);
    expect(metrics.throughput).toBeCloseTo(375, 6);
    // The queue is almost always full: p_(K-1) / p_K = c * mu / lambda.
    expect(metrics.meanInSystem).toBeCloseTo(5000, 2);
  });

  it('zero arrivals', () => {
    const metrics = mmck(0, 2, 1, 3);
    expect(metrics.lossProbability).toBe(0);
    expect(metrics.meanInSystem).toBe(0);
    expect(metrics.meanResponse).toBe(0.5);
  });

  it('rejects capacity below servers', () => {
    expect(() => mmck(1, 1, 3, 2)).toThrow(
      'mmck: capacity 2 must be an integer of at least 3',
    );
  });
});
