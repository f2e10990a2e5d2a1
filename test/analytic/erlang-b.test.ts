import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/index.js';

/** Erlang B by the direct sum, in log space, as an independent reference. */
function erlangBBySum(servers: number, offeredLoad: number): number {
  const logTerms: number[] = [];
  let logTerm = 0;
  for (let k = 0; k <= servers; k += 1) {
    if (k > 0) {
      logTerm += Math.log(offeredLoad) - Math.log(k);
    }
    logTerms.push(logTerm);
  }
  const max = Math.max(...logTerms);
  const total = logTerms.reduce((sum, t) => sum + Math.exp(t - max), 0);
  return Math.exp(logTerm - max) / total;
}

describe('erlangB', () => {
  it('two servers at one erlang', () => {
    // (1/2) / (1 + 1 + 1/2) = 0.2.
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });

  it('one server is a / (1 + a)', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 12);
  });

  it('zero load never blocks', () => {
    expect(erlangB(3, 0)).toBe(0);
  });

  it('matches direct sum at 375 servers', () => {
    expect(erlangB(375, 370)).toBeCloseTo(erlangBBySum(375, 370), 12);
  });

  it('stays finite at 10000 servers', () => {
    const blocking = erlangB(10_000, 10_500);
    expect(blocking).toBeGreaterThan(0);
    expect(blocking).toBeLessThan(1);
    expect(blocking).toBeCloseTo(erlangBBySum(10_000, 10_500), 10);
  });

  it('rejects fractional servers', () => {
    expect(() => erlangB(1.5, 1)).toThrow(
      'erlangB: servers 1.5 must be an integer of at least 1',
    );
  });

  it('rejects negative load', () => {
    expect(() => erlangB(2, -1)).toThrow(
      'erlangB: offeredLoad -1 must be a finite number of at least 0',
    );
  });
});
