import { describe, expect, it } from 'vitest';
import { mva, type MvaLevel } from '../../src/analytic/index.js';

function level(levels: MvaLevel[], population: number): MvaLevel {
  const found = levels[population - 1];
  if (found === undefined) {
    throw new Error(`no level for population ${population}`);
  }
  return found;
}

describe('mva two queues by hand', () => {
  // Demands D1 = 1 and D2 = 2, Z = 0.
  // N = 1: R = (1, 2), sum 3, X = 1/3, Q = (1/3, 2/3).
  // N = 2: R = (1 * 4/3, 2 * 5/3) = (4/3, 10/3), sum 14/3, X = 3/7,
  //        Q = (4/7, 10/7).
  // N = 3: R = (1 * 11/7, 2 * 17/7) = (11/7, 34/7), sum 45/7, X = 7/15,
  //        Q = (11/15, 34/15).
  const levels = mva(
    [
      { kind: 'queueing', demand: 1 },
      { kind: 'queueing', demand: 2 },
    ],
    3,
  );

  it('returns one level per population', () => {
    expect(levels.map((l) => l.population)).toEqual([1, 2, 3]);
  });

  it('throughput at N 1', () => {
    expect(level(levels, 1).throughput).toBeCloseTo(1 / 3, 12);
  });

  it('throughput at N 2', () => {
    expect(level(levels, 2).throughput).toBeCloseTo(3 / 7, 12);
  });

  it('throughput at N 3', () => {
    expect(level(levels, 3).throughput).toBeCloseTo(7 / 15, 12);
  });

  it('response time at N 3', () => {
    expect(level(levels, 3).responseTime).toBeCloseTo(45 / 7, 12);
  });

  it('queue lengths at N 2', () => {
    const stations = level(levels, 2).stations;
    expect(stations[0]?.queueLength).toBeCloseTo(4 / 7, 12);
    expect(stations[1]?.queueLength).toBeCloseTo(10 / 7, 12);
  });

  it('queue lengths at N 3', () => {
    const stations = level(levels, 3).stations;
    expect(stations[0]?.queueLength).toBeCloseTo(11 / 15, 12);
    expect(stations[1]?.queueLength).toBeCloseTo(34 / 15, 12);
  });

  it('utilisation at N 3', () => {
    const stations = level(levels, 3).stations;
    expect(stations[0]?.utilisation).toBeCloseTo(7 / 15, 12);
    expect(stations[1]?.utilisation).toBeCloseTo(14 / 15, 12);
  });

  it('default station names', () => {
    expect(level(levels, 1).stations.map((s) => s.name)).toEqual([
      'station 0',
      'station 1',
    ]);
  });
});

// Raj Jain, "The Art of Computer Systems Performance Analysis", Wiley 1991,
// chapter 35, Example 35.5: a timesharing system with demands CPU 0.78,
// disk A 2.34, disk B 1.56, think time Z = 4.68 and N = 3 users, solved there
// by the convolution algorithm. Exact MVA must give the same means. Printed:
// X = 0.264, R = 6.694, U_CPU = 0.206, U_A = 0.618, U_B = 0.412, mean queue
// length at disk A 0.97.
//
// Hand check in units of u = 0.78 (demands 1, 3, 2 and Z = 6):
// N = 1: R = (1, 3, 2)u, X = 1/(12u), Q = (1, 3, 2)/12.
// N = 2: R = (13, 45, 28)u/12, sum 86u/12, X = 12/(79u),
//        Q = (13, 45, 28)/79.
// N = 3: R = (92, 372, 214)u/79, sum 678u/79, X = 237/(1152u),
//        Q = (92, 372, 214)/384.
// So X = 0.26376, R = 6.69418 and Q_A = 0.96875.
describe('mva Jain example 35.5', () => {
  const levels = mva(
    [
      { name: 'cpu', kind: 'queueing', demand: 0.78 },
      { name: 'diskA', kind: 'queueing', demand: 2.34 },
      { name: 'diskB', kind: 'queueing', demand: 1.56 },
    ],
    3,
    4.68,
  );
  const full = level(levels, 3);

  it('throughput as printed', () => {
    expect(full.throughput).toBeCloseTo(0.264, 3);
  });

  it('response time as printed', () => {
    expect(full.responseTime).toBeCloseTo(6.694, 3);
  });

  it('cpu utilisation as printed', () => {
    expect(full.stations[0]?.utilisation).toBeCloseTo(0.206, 3);
  });

  // The book multiplies the rounded X = 0.264 by each demand, so the disk
  // utilisations match the exact X * D only to 2 decimals.
  it('disk A utilisation as printed', () => {
    expect(full.stations[1]?.utilisation).toBeCloseTo(0.618, 2);
  });

  it('disk B utilisation as printed', () => {
    expect(full.stations[2]?.utilisation).toBeCloseTo(0.412, 2);
  });

  it('disk A queue length as printed', () => {
    expect(full.stations[1]?.queueLength).toBeCloseTo(0.97, 2);
  });

  it('throughput by hand fractions', () => {
    expect(full.throughput).toBeCloseTo(237 / (1152 * 0.78), 12);
  });

  it('queue lengths by hand fractions', () => {
    expect(full.stations[0]?.queueLength).toBeCloseTo(92 / 384, 12);
    expect(full.stations[1]?.queueLength).toBeCloseTo(372 / 384, 12);
    expect(full.stations[2]?.queueLength).toBeCloseTo(214 / 384, 12);
  });

  it('throughput at N 2 by hand', () => {
    expect(level(levels, 2).throughput).toBeCloseTo(12 / (79 * 0.78), 12);
  });

  it('Little holds for the whole cycle', () => {
    expect(full.throughput * (full.responseTime + 4.68)).toBeCloseTo(3, 12);
  });
});

describe('mva delay and think time', () => {
  it('machine repairman N 2', () => {
    // One server with mu = 1 and two customers thinking 1 s on average:
    // p = (1, 2, 2) / 5 for 0, 1, 2 at the server, so X = U = 4/5.
    const levels = mva([{ kind: 'queueing', demand: 1 }], 2, 1);
    expect(level(levels, 2).throughput).toBeCloseTo(0.8, 12);
  });

  it('delay station acts as think time', () => {
    const withDelay = mva(
      [
        { kind: 'queueing', demand: 1 },
        { kind: 'delay', demand: 5 },
      ],
      4,
    );
    const withThink = mva([{ kind: 'queueing', demand: 1 }], 4, 5);
    expect(level(withDelay, 4).throughput).toBeCloseTo(
      level(withThink, 4).throughput,
      12,
    );
  });

  it('delay residence equals demand', () => {
    const levels = mva(
      [
        { kind: 'queueing', demand: 1 },
        { kind: 'delay', demand: 5 },
      ],
      4,
    );
    expect(level(levels, 4).stations[1]?.residenceTime).toBe(5);
  });

  it('single queue saturates at 1 / D', () => {
    const levels = mva([{ kind: 'queueing', demand: 0.25 }], 10);
    expect(level(levels, 10).throughput).toBeCloseTo(4, 12);
  });

  it('large population stays finite', () => {
    const levels = mva(
      [
        { kind: 'queueing', demand: 0.01 },
        { kind: 'queueing', demand: 0.02 },
      ],
      5000,
      1,
    );
    expect(level(levels, 5000).throughput).toBeCloseTo(50, 6);
  });
});

describe('mva input checks', () => {
  it('rejects population 0', () => {
    expect(() => mva([{ kind: 'queueing', demand: 1 }], 0)).toThrow(
      'mva: population 0 must be an integer of at least 1',
    );
  });

  it('rejects negative demand', () => {
    expect(() => mva([{ kind: 'queueing', demand: -1 }], 1)).toThrow(
      'mva: stations[0] demand -1 must be a finite number of at least 0',
    );
  });

  it('rejects negative think time', () => {
    expect(() => mva([{ kind: 'queueing', demand: 1 }], 1, -2)).toThrow(
      'mva: thinkTime -2 must be a finite number of at least 0',
    );
  });

  it('rejects zero total demand', () => {
    expect(() => mva([{ kind: 'queueing', demand: 0 }], 1)).toThrow(
      /mva: the sum of station demands and thinkTime is 0/,
    );
  });
});
