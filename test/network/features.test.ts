import { describe, expect, it } from 'vitest';
import {
  mg1,
  mm1,
  mm1ResponseQuantile,
  mm1WaitQuantile,
  mmck,
  mvaMulticlass,
} from '../../src/analytic/index.js';
import { compareFigure } from '../../src/network/compare.js';
import { loadNetworkScenario } from '../../src/network/load-network.js';
import { runNetwork } from '../../src/network/run-network.js';
import { confidenceInterval, studentT975 } from '../../src/network/student-t.js';
import { renegingQueue } from '../../src/network/theory/birth-death.js';
import { priorityWaits } from '../../src/network/theory/priority.js';
import { classIndex, expectWithinPrecision, runScenario, stationIndex } from './helpers.js';

const FIXTURES = 'test/network/fixtures';

describe('priority station', () => {
  const run = runScenario(`${FIXTURES}/priority.yaml`, ['duration=60000']);
  const station = stationIndex(run, 'server');
  // Cobham: R = (0.3 + 0.5) * 2 / 2 = 0.8; W0 = R / (1 - 0.3), W1 = R / ((1 - 0.3)(1 - 0.8)).
  const exactWaits = [0.8 / 0.7, 0.8 / (0.7 * 0.2)];

  it('Cobham waits', () => {
    const waits = priorityWaits([
      { level: 0, rate: 0.3, mean: 1, scv: 1 },
      { level: 1, rate: 0.5, mean: 1, scv: 1 },
    ]);
    expect(waits[0]).toBeCloseTo(exactWaits[0]!, 12);
    expect(waits[1]).toBeCloseTo(exactWaits[1]!, 12);
  });

  it.each([
    ['urgent', 0],
    ['batch', 1],
  ] as const)('%s wait matches Cobham', (name, level) => {
    const cls = classIndex(run, name);
    const simulated = run.result.stations[station]!.classes[cls]!.meanWait;
    expect(run.theory.stations[station]?.classes[cls]?.meanWait).toBeCloseTo(
      exactWaits[level]!,
      12,
    );
    expectWithinPrecision(name, simulated, exactWaits[level], 0.1);
  });

  it('overall utilisation is 0.8', () => {
    expectWithinPrecision(
      'utilisation',
      run.result.stations[station]!.overall.utilisation,
      0.8,
      0.02,
    );
  });
});

describe('closed multiclass network', () => {
  const run = runScenario(`${FIXTURES}/closed-multiclass.yaml`, ['duration=20000']);
  // Visits: cpu 1 / 0.5 = 2 and 1 / 0.2 = 5; disk 1 and 4.
  const exact = mvaMulticlass(
    [
      { name: 'cpu', kind: 'queueing', demands: [0.2, 2] },
      { name: 'disk', kind: 'queueing', demands: [0.05, 0.2] },
    ],
    [10, 3],
    [5, 0],
  );

  it.each([
    ['interactive', 0],
    ['batch', 1],
  ] as const)('%s throughput matches MVA', (name, k) => {
    const cls = classIndex(run, name);
    expect(run.theory.network[cls]?.throughput).toBeCloseTo(exact.throughputs[k]!, 10);
    expectWithinPrecision(name, run.result.network[cls]!.throughput, exact.throughputs[k], 0.03);
  });

  it.each([
    ['interactive', 0],
    ['batch', 1],
  ] as const)('%s response matches MVA', (name, k) => {
    const cls = classIndex(run, name);
    expectWithinPrecision(
      name,
      run.result.network[cls]!.meanResponse,
      exact.responseTimes[k],
      0.05,
    );
  });
});

describe('single stations with mixed service', () => {
  const run = runScenario(`${FIXTURES}/mixed-service.yaml`, ['duration=150000']);

  it('PS response ignores the H2 variance', () => {
    const station = stationIndex(run, 'sharing');
    expect(run.theory.stations[station]?.overall.meanResponse).toBeCloseTo(1 / 0.3, 10);
    expectWithinPrecision(
      'sharing',
      run.result.stations[station]!.overall.meanResponse,
      1 / 0.3,
      0.12,
    );
  });

  it('FCFS mix follows Pollaczek-Khinchine', () => {
    // Mix: E[S] = (0.4 * 0.5 + 0.1 * 3) / 0.5 = 1; E[S^2] = (0.4 * 0.25 + 0.1 * 13.5) / 0.5 = 2.9.
    const wait = mg1(0.5, 1, 1.9).meanWait;
    const station = stationIndex(run, 'counter');
    for (const [name, mean] of [
      ['small', 0.5],
      ['large', 3],
    ] as const) {
      const cls = classIndex(run, name);
      const simulated = run.result.stations[station]!.classes[cls]!.meanResponse;
      expect(run.theory.stations[station]?.classes[cls]?.meanResponse).toBeCloseTo(wait + mean, 10);
      expectWithinPrecision(name, simulated, wait + mean, 0.06);
    }
  });

  it('delay station holds lambda E[S] customers', () => {
    const station = stationIndex(run, 'lounge');
    expectWithinPrecision('lounge', run.result.stations[station]!.overall.meanInSystem, 8, 0.03);
    expect(run.result.stations[station]!.overall.utilisation.value).toBeNaN();
  });
});

describe('M/M/1 percentiles', () => {
  const run = runScenario('scenarios/teaching/hockey-stick.yaml', ['duration=200000']);
  const station = stationIndex(run, 'rho80');
  const figures = run.result.stations[station]!.overall;
  const levels = [
    ['waitP90', 'responseP90', 0.9],
    ['waitP99', 'responseP99', 0.99],
  ] as const;

  it.each(levels)('%s and %s', (waitKey, responseKey, level) => {
    expectWithinPrecision(waitKey, figures[waitKey], mm1WaitQuantile(0.8, 1, level), 0.1);
    expectWithinPrecision(
      responseKey,
      figures[responseKey],
      mm1ResponseQuantile(0.8, 1, level),
      0.1,
    );
  });
});

describe('replications', () => {
  const file = 'scenarios/teaching/hockey-stick.yaml';

  it('estimate from independent runs', () => {
    const { model } = loadNetworkScenario(file, {
      overrides: ['duration=40000', 'replications=5', 'warmup=1000'],
    });
    const result = runNetwork(model);
    expect(result.precision).toBe('replications');
    expect(result.samples).toBe(5);
    const response = result.stations[0]!.overall.meanResponse;
    expectWithinPrecision('rho50', response, mm1(0.5, 1).meanResponse, 0.05);
  });

  it('same seed gives the same result', () => {
    const { model } = loadNetworkScenario(file, { overrides: ['duration=5000', 'replications=2'] });
    expect(runNetwork(model)).toEqual(runNetwork(model));
  });

  it('another seed changes the result', () => {
    const { model } = loadNetworkScenario(file, { overrides: ['duration=5000'] });
    const first = runNetwork(model).stations[0]!.overall.meanResponse.value;
    expect(runNetwork(model, { seed: 2 }).stations[0]!.overall.meanResponse.value).not.toBe(first);
  });
});

describe('warm-up in customers', () => {
  it('starts measuring after the customers left', () => {
    const { model } = loadNetworkScenario(`${FIXTURES}/customer-warmup.yaml`);
    const result = runNetwork(model);
    expectWithinPrecision('utilisation', result.stations[0]!.overall.utilisation, 0.8, 0.03);
  });

  it('stops a warm-up that never ends', () => {
    const { model } = loadNetworkScenario(`${FIXTURES}/customer-warmup.yaml`, {
      overrides: ['duration=1', 'warmup.customers=1000000'],
    });
    expect(() => runNetwork(model)).toThrow(
      /^warmup: only \d+ of 1000000 customers left the network in 1000 simulated seconds/,
    );
  });
});

describe('tracing', () => {
  it('leaves the results unchanged', () => {
    const { model } = loadNetworkScenario('scenarios/teaching/pooling.yaml', {
      overrides: ['duration=2000'],
    });
    const traced = runNetwork(model, { trace: 50 });
    const plain = runNetwork(model);
    expect(traced.trace).toHaveLength(50);
    expect(traced.stations).toEqual(plain.stations);
  });
});

describe('renegingQueue', () => {
  it('equals M/M/c/K without reneging', () => {
    const exact = mmck(1.5, 1, 2, 6);
    const metrics = renegingQueue(1.5, 1, 2, 6, 0);
    expect(metrics.lossProbability).toBeCloseTo(exact.lossProbability, 12);
    expect(metrics.meanInQueue).toBeCloseTo(exact.meanInQueue, 12);
    expect(metrics.utilisation).toBeCloseTo(exact.utilisation, 12);
  });

  it('is M/M/infinity when theta equals mu', () => {
    // Every customer then leaves at rate mu, so n is Poisson(lambda / mu).
    const metrics = renegingQueue(3, 0.5, 2, Infinity, 0.5);
    expect(metrics.meanInSystem).toBeCloseTo(6, 10);
  });

  it('serves everyone who needs no wait', () => {
    const metrics = renegingQueue(0.01, 1, 5, Infinity, 1);
    expect(metrics.meanWaitServed).toBeLessThan(1e-8);
    expect(metrics.renegeProbability).toBeLessThan(1e-8);
  });
});

describe('compareFigure', () => {
  it('flags a gap above 3 half-widths', () => {
    const comparison = compareFigure({ value: 5.31, halfWidth: 0.1 }, 5);
    expect(comparison.flagged).toBe(true);
    expect(comparison.difference).toBeCloseTo(0.31, 12);
  });

  it('accepts a gap within 3 half-widths', () => {
    expect(compareFigure({ value: 5.29, halfWidth: 0.1 }, 5).flagged).toBe(false);
  });

  it('never flags without an exact value', () => {
    const comparison = compareFigure({ value: 5.29, halfWidth: 0.01 }, undefined);
    expect(comparison.flagged).toBe(false);
    expect(comparison.exact).toBeNull();
  });

  it('never flags an unknown precision', () => {
    expect(compareFigure({ value: 9, halfWidth: NaN }, 5).flagged).toBe(false);
  });
});

describe('studentT975', () => {
  it.each([
    [1, 12.7062],
    [19, 2.093],
    [30, 2.0423],
    [40, 2.021075],
    [100, 1.983972],
  ])('df %i', (df, exact) => {
    expect(studentT975(df)).toBeCloseTo(exact, 4);
  });

  it('interval of a known sample', () => {
    const interval = confidenceInterval([1, 2, 3, 4, NaN]);
    expect(interval.value).toBe(2.5);
    // s = sqrt(5 / 3), t(0.975, 3) = 3.1824.
    expect(interval.halfWidth).toBeCloseTo((3.1824 * Math.sqrt(5 / 3)) / 2, 10);
  });
});
