import { describe, expect, it } from 'vitest';
import { jackson, mm1, mmc } from '../../src/analytic/index.js';

describe('jackson', () => {
  it('tandem equals two mm1 queues', () => {
    const network = jackson({
      stations: [{ serviceRate: 2 }, { serviceRate: 3 }],
      externalArrivalRates: [1, 0],
      routing: [
        [0, 1],
        [0, 0],
      ],
    });
    const expected = mm1(1, 2).meanResponse + mm1(1, 3).meanResponse;
    expect(network.meanResponse).toBeCloseTo(expected, 12);
  });

  it('tandem second station sees full rate', () => {
    const network = jackson({
      stations: [{ serviceRate: 2 }, { serviceRate: 3 }],
      externalArrivalRates: [1, 0],
      routing: [
        [0, 1],
        [0, 0],
      ],
    });
    expect(network.stations[1]?.arrivalRate).toBeCloseTo(1, 12);
  });

  it('feedback 0.5 doubles arrival rate', () => {
    const network = jackson({
      stations: [{ serviceRate: 10 }],
      externalArrivalRates: [3],
      routing: [[0.5]],
    });
    expect(network.stations[0]?.arrivalRate).toBeCloseTo(6, 12);
  });

  it('feedback visit ratio is 2', () => {
    const network = jackson({
      stations: [{ serviceRate: 10 }],
      externalArrivalRates: [3],
      routing: [[0.5]],
    });
    expect(network.stations[0]?.visitRatio).toBeCloseTo(2, 12);
  });

  it('feedback response by Little', () => {
    // Station is M/M/1 at lambda = 6, mu = 10: L = 6 / 4 = 1.5, and the
    // network response is L / gamma = 1.5 / 3 = 0.5.
    const network = jackson({
      stations: [{ serviceRate: 10 }],
      externalArrivalRates: [3],
      routing: [[0.5]],
    });
    expect(network.meanResponse).toBeCloseTo(0.5, 12);
  });

  // gamma = (1, 0, 0); station 0 routes 0.6 to station 1 and 0.4 to station 2,
  // station 1 returns 0.5 to station 0, station 2 always leaves.
  // lambda0 = 1 + 0.5 lambda1 and lambda1 = 0.6 lambda0, so
  // lambda0 = 1 / 0.7 = 10/7, lambda1 = 6/7 and lambda2 = 0.4 lambda0 = 4/7.
  const branching = jackson({
    stations: [
      { name: 'cpu', serviceRate: 5 },
      { name: 'disk', serviceRate: 1, servers: 2 },
      { name: 'net', serviceRate: 4 },
    ],
    externalArrivalRates: [1, 0, 0],
    routing: [
      [0, 0.6, 0.4],
      [0.5, 0, 0],
      [0, 0, 0],
    ],
  });

  it('branching rate of cpu', () => {
    expect(branching.stations[0]?.arrivalRate).toBeCloseTo(10 / 7, 12);
  });

  it('branching rate of disk', () => {
    expect(branching.stations[1]?.arrivalRate).toBeCloseTo(6 / 7, 12);
  });

  it('branching rate of net', () => {
    expect(branching.stations[2]?.arrivalRate).toBeCloseTo(4 / 7, 12);
  });

  it('multi-server station uses mmc', () => {
    const disk = mmc(6 / 7, 1, 2);
    expect(branching.stations[1]?.meanResponse).toBeCloseTo(
      disk.meanResponse,
      12,
    );
  });

  it('network mean in system sums stations', () => {
    const expected =
      mm1(10 / 7, 5).meanInSystem +
      mmc(6 / 7, 1, 2).meanInSystem +
      mm1(4 / 7, 4).meanInSystem;
    expect(branching.meanInSystem).toBeCloseTo(expected, 12);
  });

  it('station names are kept', () => {
    expect(branching.stations.map((s) => s.name)).toEqual([
      'cpu',
      'disk',
      'net',
    ]);
  });

  it('rejects unstable station by name', () => {
    // lambda_front = 1 / (1 - 0.5 * 0.8) = 5/3 and lambda_db = 5/6 > 0.5.
    expect(() =>
      jackson({
        stations: [
          { name: 'front', serviceRate: 10 },
          { name: 'db', serviceRate: 0.5 },
        ],
        externalArrivalRates: [1, 0],
        routing: [
          [0, 0.5],
          [0.8, 0],
        ],
      }),
    ).toThrow(/jackson: station "db" is unstable/);
  });

  it('rejects singular I - P', () => {
    expect(() =>
      jackson({
        stations: [{ serviceRate: 1 }, { serviceRate: 1 }],
        externalArrivalRates: [1, 0],
        routing: [
          [0, 1],
          [1, 0],
        ],
      }),
    ).toThrow(/jackson: I - P is singular/);
  });

  it('rejects routing row above 1', () => {
    expect(() =>
      jackson({
        stations: [{ serviceRate: 1 }, { serviceRate: 1 }],
        externalArrivalRates: [0.1, 0],
        routing: [
          [0.5, 0.6],
          [0, 0],
        ],
      }),
    ).toThrow('jackson: routing[0] sums to 1.1 but must sum to at most 1');
  });

  it('rejects mismatched arrival vector', () => {
    expect(() =>
      jackson({
        stations: [{ serviceRate: 1 }],
        externalArrivalRates: [0.1, 0],
        routing: [[0]],
      }),
    ).toThrow(
      'jackson: externalArrivalRates has 2 entries but must have one per ' +
        'station (1)',
    );
  });

  it('rejects all-zero external arrivals', () => {
    expect(() =>
      jackson({
        stations: [{ serviceRate: 1 }],
        externalArrivalRates: [0],
        routing: [[0]],
      }),
    ).toThrow('jackson: externalArrivalRates must contain at least one rate');
  });

  it('rejects bad service rate by name', () => {
    expect(() =>
      jackson({
        stations: [{ name: 'cpu', serviceRate: 0 }],
        externalArrivalRates: [1],
        routing: [[0]],
      }),
    ).toThrow('jackson: stations[0] "cpu" serviceRate 0 must be');
  });
});
