import { describe, expect, it } from 'vitest';
import { erlangB, jackson, md1, mh21, mm1, mmc, mmck, mva } from '../../src/analytic/index.js';
import { hyperexponentialPhases } from '../../src/engine/distributions-extra.js';
import {
  classIndex,
  expectWithinPrecision,
  runScenario,
  stationIndex,
  type CheckedRun,
} from './helpers.js';

// Runs are shorter than in the scenario files so that the suite stays
// fast; the tolerances follow from each run's own confidence half-width.
const TEACHING = 'scenarios/teaching';

function station(run: CheckedRun, name: string) {
  const index = stationIndex(run, name);
  return {
    simulated: run.result.stations[index]!.overall,
    exact: run.theory.stations[index]?.overall,
  };
}

function network(run: CheckedRun, name: string) {
  const index = classIndex(run, name);
  return { simulated: run.result.network[index]!, exact: run.theory.network[index] ?? undefined };
}

describe('hockey stick', () => {
  const run = runScenario(`${TEACHING}/hockey-stick.yaml`, ['duration=300000']);
  const cases: [string, number][] = [
    ['rho50', 0.5],
    ['rho80', 0.8],
    ['rho90', 0.9],
    ['rho95', 0.95],
  ];

  it.each(cases)('%s exact response is 1 / (1 - rho)', (name, rho) => {
    expect(station(run, name).exact?.meanResponse).toBeCloseTo(1 / (1 - rho), 10);
    expect(station(run, name).exact?.meanResponse).toBeCloseTo(mm1(rho, 1).meanResponse, 10);
  });

  it.each(cases)('%s simulated response', (name) => {
    const { simulated, exact } = station(run, name);
    expectWithinPrecision(name, simulated.meanResponse, exact?.meanResponse, 0.3);
  });

  it.each(cases)('%s simulated utilisation', (name, rho) => {
    const { simulated, exact } = station(run, name);
    expect(exact?.utilisation).toBeCloseTo(rho, 12);
    expectWithinPrecision(name, simulated.utilisation, exact?.utilisation, 0.02);
  });
});

describe('variability', () => {
  const run = runScenario(`${TEACHING}/variability.yaml`, ['duration=150000']);
  const h2 = hyperexponentialPhases(1, 4);
  const cases: [string, number][] = [
    ['constant', md1(0.8, 1).meanResponse],
    ['exponential', mm1(0.8, 1).meanResponse],
    ['bursty', mh21(0.8, h2).meanResponse],
  ];

  it('exact responses are 3, 5 and 11 s', () => {
    expect(cases.map(([, exact]) => exact)).toEqual([
      expect.closeTo(3, 10),
      expect.closeTo(5, 10),
      expect.closeTo(11, 10),
    ]);
  });

  it.each(cases)('%s matches Pollaczek-Khinchine', (name, exact) => {
    expect(station(run, name).exact?.meanResponse).toBeCloseTo(exact, 10);
    expectWithinPrecision(name, station(run, name).simulated.meanResponse, exact, 0.1);
  });

  it.each(cases)('%s utilisation', (name) => {
    const { simulated, exact } = station(run, name);
    expectWithinPrecision(name, simulated.utilisation, exact?.utilisation, 0.02);
  });
});

describe('pooling', () => {
  const run = runScenario(`${TEACHING}/pooling.yaml`, ['duration=150000']);

  it('shared queue matches M/M/2', () => {
    const exact = mmc(1.6, 1, 2).meanResponse;
    expect(network(run, 'pooled').exact?.meanResponse).toBeCloseTo(exact, 10);
    expectWithinPrecision('pooled', network(run, 'pooled').simulated.meanResponse, exact, 0.05);
  });

  it('random split matches two M/M/1', () => {
    const exact = mm1(0.8, 1).meanResponse;
    expect(network(run, 'split').exact?.meanResponse).toBeCloseTo(exact, 10);
    expectWithinPrecision('split', network(run, 'split').simulated.meanResponse, exact, 0.08);
  });

  // Exact ratio: 2.78 s / 5 s = 0.56.
  it('pooling cuts the response time', () => {
    const pooled = network(run, 'pooled').simulated.meanResponse;
    const split = network(run, 'split').simulated.meanResponse;
    expect(pooled.value + pooled.halfWidth).toBeLessThan(0.7 * (split.value - split.halfWidth));
  });

  it('utilisations', () => {
    for (const name of ['shared', 'left', 'right']) {
      const { simulated, exact } = station(run, name);
      expectWithinPrecision(name, simulated.utilisation, exact?.utilisation, 0.02);
    }
  });
});

describe('finite buffer', () => {
  const run = runScenario(`${TEACHING}/finite-buffer.yaml`, ['duration=60000']);

  it('buffer matches M/M/1/5', () => {
    const exact = mmck(1.1, 1, 1, 5);
    const { simulated, exact: theory } = station(run, 'buffer');
    expect(theory?.lossProbability).toBeCloseTo(exact.lossProbability, 12);
    expectWithinPrecision('loss', simulated.lossProbability, exact.lossProbability, 0.05);
    expectWithinPrecision('response', simulated.meanResponse, exact.meanResponse, 0.05);
    expectWithinPrecision('utilisation', simulated.utilisation, exact.utilisation, 0.02);
  });

  it('trunks match Erlang B with lognormal calls', () => {
    const blocking = erlangB(5, 4);
    const { simulated, exact: theory } = station(run, 'trunks');
    expect(theory?.lossProbability).toBeCloseTo(blocking, 12);
    expectWithinPrecision('loss', simulated.lossProbability, blocking, 0.05);
    expectWithinPrecision('response', simulated.meanResponse, 1, 0.02);
    expectWithinPrecision('utilisation', simulated.utilisation, (4 * (1 - blocking)) / 5, 0.02);
  });
});

describe('jackson feedback', () => {
  const run = runScenario(`${TEACHING}/jackson-feedback.yaml`, ['duration=100000']);
  const exact = jackson({
    stations: [
      { name: 'cpu', serviceRate: 4 },
      { name: 'disk1', serviceRate: 2.5 },
      { name: 'disk2', serviceRate: 1 / 0.6 },
    ],
    externalArrivalRates: [0.5, 0, 0],
    routing: [
      [0, 0.5, 0.3],
      [1, 0, 0],
      [1, 0, 0],
    ],
  });

  it('network response matches jackson()', () => {
    expect(network(run, 'jobs').exact?.meanResponse).toBeCloseTo(exact.meanResponse, 10);
    expectWithinPrecision(
      'jobs',
      network(run, 'jobs').simulated.meanResponse,
      exact.meanResponse,
      0.06,
    );
  });

  it.each([0, 1, 2])('station %i utilisation and response', (index) => {
    const name = exact.stations[index]!.name;
    const { simulated } = station(run, name);
    expectWithinPrecision(name, simulated.utilisation, exact.stations[index]!.utilisation, 0.03);
    expectWithinPrecision(name, simulated.meanResponse, exact.stations[index]!.meanResponse, 0.06);
  });
});

describe('central server', () => {
  const run = runScenario(`${TEACHING}/central-server.yaml`, ['duration=30000']);
  const exact = mva(
    [
      { name: 'cpu', kind: 'queueing', demand: 0.2 },
      { name: 'disk1', kind: 'queueing', demand: 0.3 },
      { name: 'disk2', kind: 'queueing', demand: 0.15 },
    ],
    50,
    10,
  ).at(-1)!;

  it('throughput matches MVA', () => {
    expect(network(run, 'users').exact?.throughput).toBeCloseTo(exact.throughput, 10);
    expectWithinPrecision(
      'throughput',
      network(run, 'users').simulated.throughput,
      exact.throughput,
      0.02,
    );
  });

  it('response matches MVA', () => {
    expectWithinPrecision(
      'response',
      network(run, 'users').simulated.meanResponse,
      exact.responseTime,
      0.05,
    );
  });

  it('disk1 is the saturated bottleneck', () => {
    const { simulated } = station(run, 'disk1');
    expectWithinPrecision('disk1', simulated.utilisation, exact.stations[1]!.utilisation, 0.01);
    expect(simulated.utilisation.value).toBeGreaterThan(0.98);
  });

  it('throughput flattens below 1 / Dmax', () => {
    const curve = run.theory.components[0]!.populationCurve!;
    expect(curve).toHaveLength(50);
    expect(curve[49]!.throughput).toBeLessThan(1 / 0.3);
    expect(curve[49]!.throughput - curve[39]!.throughput).toBeLessThan(0.25);
    expect(curve[9]!.throughput - curve[0]!.throughput).toBeGreaterThan(0.8);
  });
});

describe('balancing', () => {
  const run = runScenario(`${TEACHING}/balancing.yaml`, ['duration=120000']);

  it('random dispatch matches M/H2/1 per server', () => {
    const exact = mh21(0.8, hyperexponentialPhases(1, 5)).meanResponse;
    expect(exact).toBeCloseTo(13, 10);
    expect(network(run, 'viaRandom').exact?.meanResponse).toBeCloseTo(exact, 10);
    expectWithinPrecision('random', network(run, 'viaRandom').simulated.meanResponse, exact, 0.1);
  });

  it('state-dependent policies have no exact result', () => {
    expect(network(run, 'viaRoundRobin').exact).toBeUndefined();
    expect(network(run, 'viaLeastConnection').exact).toBeUndefined();
  });

  it('least-connection beats round-robin and random', () => {
    const random = network(run, 'viaRandom').simulated.meanResponse;
    const roundRobin = network(run, 'viaRoundRobin').simulated.meanResponse;
    const least = network(run, 'viaLeastConnection').simulated.meanResponse;
    expect(least.value + least.halfWidth).toBeLessThan(roundRobin.value - roundRobin.halfWidth);
    expect(roundRobin.value + roundRobin.halfWidth).toBeLessThan(random.value - random.halfWidth);
  });
});

describe('thread pool', () => {
  const run = runScenario(`${TEACHING}/thread-pool.yaml`, ['duration=30000']);

  it('pool matches Erlang A', () => {
    const { simulated, exact } = station(run, 'pool');
    expect(run.theory.stations[stationIndex(run, 'pool')]?.model).toBe('M/M/10+M (Erlang A)');
    expectWithinPrecision('renege', simulated.renegeProbability, exact?.renegeProbability, 0.03);
    expectWithinPrecision('utilisation', simulated.utilisation, exact?.utilisation, 0.005);
    expectWithinPrecision('response', simulated.meanResponse, exact?.meanResponse, 0.03);
    expectWithinPrecision('wait', simulated.meanWait, exact?.meanWait, 0.03);
  });

  it('fixed timeouts have no exact result', () => {
    expect(run.theory.stations[stationIndex(run, 'timeouts')]).toBeNull();
  });

  it('saturated pools renege a sixth', () => {
    const { simulated } = station(run, 'timeouts');
    expect(simulated.renegeProbability.value).toBeGreaterThan(0.15);
    expect(simulated.utilisation.value).toBeGreaterThan(0.99);
  });
});
