import { describe, expect, it } from 'vitest';
import { md1, mg1, mh21, mm1 } from '../../src/analytic/index.js';

describe('mg1', () => {
  it('scv 1 equals mm1', () => {
    const general = mg1(0.8, 1, 1);
    const reference = mm1(0.8, 1);
    expect(general.meanWait).toBeCloseTo(reference.meanWait, 12);
    expect(general.meanResponse).toBeCloseTo(reference.meanResponse, 12);
    expect(general.meanInSystem).toBeCloseTo(reference.meanInSystem, 12);
  });

  it('mean wait by hand at scv 3', () => {
    // rho = 0.5 * 1 = 0.5, Wq = 0.5 * 1 * (1 + 3) / (2 * 0.5) = 2.
    expect(mg1(0.5, 1, 3).meanWait).toBeCloseTo(2, 12);
  });

  it('response adds mean service', () => {
    expect(mg1(0.5, 1, 3).meanResponse).toBeCloseTo(3, 12);
  });

  it('rejects negative scv', () => {
    expect(() => mg1(0.5, 1, -0.1)).toThrow(
      'mg1: serviceScv -0.1 must be a finite number of at least 0',
    );
  });

  it('rejects rho at 1', () => {
    expect(() => mg1(2, 0.5, 1)).toThrow(
      'mg1: arrivalRate 2 must be below 1 / meanServiceTime 2',
    );
  });
});

describe('md1', () => {
  it('wait is half of mm1', () => {
    expect(md1(0.8, 1).meanWait).toBeCloseTo(mm1(0.8, 1).meanWait / 2, 12);
  });

  it('mean in queue is half of mm1', () => {
    const halfQueue = mm1(0.8, 1).meanInQueue / 2;
    expect(md1(0.8, 1).meanInQueue).toBeCloseTo(halfQueue, 12);
  });
});

describe('mh21', () => {
  it('equal phase rates equal mm1', () => {
    const metrics = mh21(0.8, { probability: 0.3, rate1: 1, rate2: 1 });
    expect(metrics.meanWait).toBeCloseTo(mm1(0.8, 1).meanWait, 12);
  });

  it('mean wait by hand', () => {
    // p = 0.5, mu1 = 2, mu2 = 2/3: E[S] = 0.25 + 0.75 = 1,
    // E[S^2] = 2 * 0.5 / 4 + 2 * 0.5 / (4/9) = 0.25 + 2.25 = 2.5.
    // Wq = lambda E[S^2] / (2 (1 - rho)) = 0.5 * 2.5 / 1 = 1.25.
    const metrics = mh21(0.5, { probability: 0.5, rate1: 2, rate2: 2 / 3 });
    expect(metrics.meanWait).toBeCloseTo(1.25, 12);
  });

  it('utilisation uses mixture mean', () => {
    const metrics = mh21(0.5, { probability: 0.5, rate1: 2, rate2: 2 / 3 });
    expect(metrics.utilisation).toBeCloseTo(0.5, 12);
  });

  it('rejects probability above 1', () => {
    expect(() => mh21(0.5, { probability: 1.2, rate1: 1, rate2: 1 })).toThrow(
      'mh21: service.probability 1.2 must be a probability from 0 to 1',
    );
  });

  it('rejects unstable mixture', () => {
    expect(() => mh21(1, { probability: 0.5, rate1: 2, rate2: 0.5 })).toThrow(
      'mh21: arrivalRate 1 must be below 1 / meanServiceTime',
    );
  });
});
