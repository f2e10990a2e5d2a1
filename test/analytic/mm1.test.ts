import { describe, expect, it } from 'vitest';
import {
  mm1,
  mm1ResponseExceedance,
  mm1ResponseQuantile,
  mm1WaitExceedance,
  mm1WaitQuantile,
} from '../../src/analytic/index.js';

describe('mm1', () => {
  // lambda = 0.8, mu = 1: rho = 0.8, W = 1 / (1 - 0.8) = 5, Wq = 0.8 * 5 = 4,
  // L = 0.8 * 5 = 4, Lq = 0.8 * 4 = 3.2.
  const metrics = mm1(0.8, 1);

  it('utilisation at rho 0.8', () => {
    expect(metrics.utilisation).toBeCloseTo(0.8, 12);
  });

  it('throughput equals arrival rate', () => {
    expect(metrics.throughput).toBe(0.8);
  });

  it('mean response at rho 0.8', () => {
    expect(metrics.meanResponse).toBeCloseTo(5, 12);
  });

  it('mean wait at rho 0.8', () => {
    expect(metrics.meanWait).toBeCloseTo(4, 12);
  });

  it('mean in system at rho 0.8', () => {
    expect(metrics.meanInSystem).toBeCloseTo(4, 12);
  });

  it('mean in queue at rho 0.8', () => {
    expect(metrics.meanInQueue).toBeCloseTo(3.2, 12);
  });

  it('empty queue at zero arrivals', () => {
    const idle = mm1(0, 2);
    expect(idle.meanWait).toBe(0);
    expect(idle.meanResponse).toBe(0.5);
    expect(idle.meanInSystem).toBe(0);
  });

  it('rejects unstable load with message', () => {
    expect(() => mm1(2, 1)).toThrow(RangeError);
    expect(() => mm1(2, 1)).toThrow(
      'mm1: arrivalRate 2 must be below serviceRate 1 for a stable queue ' +
        '(utilisation 2 >= 1)',
    );
  });

  it('rejects load exactly 1', () => {
    expect(() => mm1(1, 1)).toThrow(RangeError);
  });

  it('rejects invalid rates', () => {
    expect(() => mm1(-1, 1)).toThrow('mm1: arrivalRate -1 must be');
    expect(() => mm1(0.5, 0)).toThrow('mm1: serviceRate 0 must be');
    expect(() => mm1(Number.NaN, 1)).toThrow('mm1: arrivalRate NaN must be');
    expect(() => mm1(0.5, Infinity)).toThrow(RangeError);
  });
});

describe('mm1 distributions', () => {
  // lambda = 0.8, mu = 1: T ~ Exp(0.2) and P(Wq > t) = 0.8 * exp(-0.2 t).
  it('wait exceedance at t 0 is rho', () => {
    expect(mm1WaitExceedance(0.8, 1, 0)).toBeCloseTo(0.8, 12);
  });

  it('wait exceedance at t 5', () => {
    expect(mm1WaitExceedance(0.8, 1, 5)).toBeCloseTo(0.8 * Math.exp(-1), 12);
  });

  it('response exceedance at t 5', () => {
    expect(mm1ResponseExceedance(0.8, 1, 5)).toBeCloseTo(Math.exp(-1), 12);
  });

  it('response median is ln2 over gap', () => {
    expect(mm1ResponseQuantile(0.8, 1, 0.5)).toBeCloseTo(5 * Math.LN2, 12);
  });

  it('response p95 inverts exceedance', () => {
    const p95 = mm1ResponseQuantile(0.8, 1, 0.95);
    expect(mm1ResponseExceedance(0.8, 1, p95)).toBeCloseTo(0.05, 12);
  });

  it('response quantile at level 0', () => {
    expect(mm1ResponseQuantile(0.8, 1, 0)).toBe(0);
  });

  it('wait quantile is 0 below idle mass', () => {
    // P(Wq = 0) = 1 - rho = 0.2, so every level up to 0.2 maps to 0.
    expect(mm1WaitQuantile(0.8, 1, 0.2)).toBe(0);
  });

  it('wait p99 inverts exceedance', () => {
    const p99 = mm1WaitQuantile(0.8, 1, 0.99);
    expect(mm1WaitExceedance(0.8, 1, p99)).toBeCloseTo(0.01, 12);
  });

  it('wait p90 by hand', () => {
    // ln(0.8 / 0.1) / 0.2 = 5 ln 8.
    expect(mm1WaitQuantile(0.8, 1, 0.9)).toBeCloseTo(5 * Math.log(8), 12);
  });

  it('rejects level 1', () => {
    expect(() => mm1ResponseQuantile(0.8, 1, 1)).toThrow(
      'mm1ResponseQuantile: level 1 must be at least 0 and below 1',
    );
  });

  it('rejects negative time', () => {
    expect(() => mm1WaitExceedance(0.8, 1, -1)).toThrow(
      'mm1WaitExceedance: time -1 must be',
    );
  });

  it('rejects unstable load', () => {
    expect(() => mm1WaitQuantile(1.5, 1, 0.5)).toThrow(
      'mm1WaitQuantile: arrivalRate 1.5 must be below serviceRate 1',
    );
  });
});
