import { describe, expect, it } from 'vitest';
import {
  MAX_MULTICLASS_SUBPOPULATIONS,
  mva,
  mvaMulticlass,
} from '../../src/analytic/index.js';

describe('mvaMulticlass', () => {
  it('one class equals single-class mva', () => {
    const single = mva(
      [
        { kind: 'queueing', demand: 0.78 },
        { kind: 'queueing', demand: 2.34 },
        { kind: 'delay', demand: 1.56 },
      ],
      5,
      4.68,
    )[4];
    const multi = mvaMulticlass(
      [
        { kind: 'queueing', demands: [0.78] },
        { kind: 'queueing', demands: [2.34] },
        { kind: 'delay', demands: [1.56] },
      ],
      [5],
      [4.68],
    );
    expect(multi.throughputs[0]).toBeCloseTo(single?.throughput ?? NaN, 12);
    expect(multi.responseTimes[0]).toBeCloseTo(single?.responseTime ?? NaN, 12);
  });

  it('identical classes split single class', () => {
    // Two classes with equal demands and one job each behave like one class
    // with two jobs, and each class gets half of the throughput.
    const single = mva(
      [
        { kind: 'queueing', demand: 1 },
        { kind: 'queueing', demand: 2 },
      ],
      2,
    )[1];
    const multi = mvaMulticlass(
      [
        { kind: 'queueing', demands: [1, 1] },
        { kind: 'queueing', demands: [2, 2] },
      ],
      [1, 1],
    );
    const half = (single?.throughput ?? NaN) / 2;
    expect(multi.throughputs[0]).toBeCloseTo(half, 12);
    expect(multi.throughputs[1]).toBeCloseTo(half, 12);
  });

  // One queueing station, class 0 demand 1, class 1 demand 2, Z = 0, one job
  // of each class.
  // n = (1, 0): R = 1, X0 = 1, Q = 1.   n = (0, 1): R = 2, X1 = 1/2, Q = 1.
  // n = (1, 1): R0 = 1 * (1 + Q(0, 1)) = 2, R1 = 2 * (1 + Q(1, 0)) = 4,
  //             X0 = 1/2, X1 = 1/4, U = 1/2 + 2/4 = 1 (never idle).
  const asymmetric = mvaMulticlass(
    [{ name: 'server', kind: 'queueing', demands: [1, 2] }],
    [1, 1],
  );

  it('asymmetric class 0 throughput', () => {
    expect(asymmetric.throughputs[0]).toBeCloseTo(0.5, 12);
  });

  it('asymmetric class 1 throughput', () => {
    expect(asymmetric.throughputs[1]).toBeCloseTo(0.25, 12);
  });

  it('asymmetric class 1 response time', () => {
    expect(asymmetric.responseTimes[1]).toBeCloseTo(4, 12);
  });

  it('asymmetric server always busy', () => {
    const utilisations = asymmetric.stations[0]?.utilisations ?? [];
    const total = utilisations.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('asymmetric queue lengths sum to jobs', () => {
    const queues = asymmetric.stations[0]?.queueLengths ?? [];
    expect(queues[0]).toBeCloseTo(1, 12);
    expect(queues[1]).toBeCloseTo(1, 12);
  });

  it('Little holds per class', () => {
    const result = mvaMulticlass(
      [
        { kind: 'queueing', demands: [0.2, 0.5] },
        { kind: 'queueing', demands: [0.4, 0.1] },
        { kind: 'delay', demands: [1, 2] },
      ],
      [3, 4],
      [2, 5],
    );
    const cycle0 = (result.responseTimes[0] ?? NaN) + 2;
    const cycle1 = (result.responseTimes[1] ?? NaN) + 5;
    expect((result.throughputs[0] ?? NaN) * cycle0).toBeCloseTo(3, 12);
    expect((result.throughputs[1] ?? NaN) * cycle1).toBeCloseTo(4, 12);
  });

  it('rejects population 0', () => {
    expect(() =>
      mvaMulticlass([{ kind: 'queueing', demands: [1, 1] }], [1, 0]),
    ).toThrow(
      'mvaMulticlass: populations[1] 0 must be an integer of at least 1',
    );
  });

  it('rejects demand vector length', () => {
    expect(() =>
      mvaMulticlass([{ kind: 'queueing', demands: [1] }], [1, 1]),
    ).toThrow(
      'mvaMulticlass: stations[0] demands has 1 entries but must have one ' +
        'per class (2)',
    );
  });

  it('rejects think time vector length', () => {
    expect(() =>
      mvaMulticlass([{ kind: 'queueing', demands: [1, 1] }], [1, 1], [0]),
    ).toThrow(/mvaMulticlass: thinkTimes has 1 entries/);
  });

  it('rejects too many sub-populations', () => {
    expect(MAX_MULTICLASS_SUBPOPULATIONS).toBe(1_000_000);
    expect(() =>
      mvaMulticlass([{ kind: 'queueing', demands: [1, 1] }], [1000, 1000]),
    ).toThrow(/1002001 sub-populations, above the limit 1000000/);
  });

  it('rejects unknown station kind', () => {
    const stations = [{ kind: 'fifo', demands: [1] }] as unknown as Parameters<
      typeof mvaMulticlass
    >[0];
    expect(() => mvaMulticlass(stations, [1])).toThrow(
      'mvaMulticlass: stations[0] "station 0" kind fifo must be "queueing" ' +
        'or "delay"',
    );
  });
});
