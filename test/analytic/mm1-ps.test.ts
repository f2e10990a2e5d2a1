import { describe, expect, it } from 'vitest';
import {
  mm1,
  mm1Ps,
  mm1PsConditionalResponse,
} from '../../src/analytic/index.js';

describe('mm1Ps', () => {
  it('mean response equals mm1', () => {
    const reference = mm1(0.8, 1).meanResponse;
    expect(mm1Ps(0.8, 1).meanResponse).toBeCloseTo(reference, 12);
  });

  it('mean in system equals mm1', () => {
    const reference = mm1(0.8, 1).meanInSystem;
    expect(mm1Ps(0.8, 1).meanInSystem).toBeCloseTo(reference, 12);
  });

  it('slowdown delay at rho 0.8', () => {
    // W - E[S] = 5 - 1 = 4.
    expect(mm1Ps(0.8, 1).meanWait).toBeCloseTo(4, 12);
  });

  it('conditional response at rho 0.8', () => {
    // x / (1 - rho) = 2 / 0.2 = 10.
    expect(mm1PsConditionalResponse(0.8, 1, 2)).toBeCloseTo(10, 12);
  });

  it('conditional response of mean job', () => {
    const mean = mm1PsConditionalResponse(0.6, 2, 0.5);
    expect(mean).toBeCloseTo(mm1Ps(0.6, 2).meanResponse, 12);
  });

  it('rejects negative job size', () => {
    expect(() => mm1PsConditionalResponse(0.5, 1, -1)).toThrow(
      'mm1PsConditionalResponse: jobSize -1 must be a finite number of at ' +
        'least 0',
    );
  });

  it('rejects unstable load', () => {
    expect(() => mm1Ps(3, 2)).toThrow(
      'mm1Ps: arrivalRate 3 must be below serviceRate 2 for a stable queue ' +
        '(utilisation 1.5 >= 1)',
    );
  });
});
