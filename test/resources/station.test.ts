import { beforeAll, describe, expect, it } from 'vitest';
import { md1, mm1, mmc, mmck } from '../../src/analytic/index.js';
import {
  deterministic,
  exponential,
  type Distribution,
} from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';
import { Station } from '../../src/resources/station.js';
import { batchMeans, expectNear, summarizeBatches } from './batch-means.js';

const CUSTOMERS = 200_000;
const WARMUP = 5_000;
const BATCHES = 20;
const BATCH_SIZE = CUSTOMERS / BATCHES;

interface StationScenario {
  arrivalRate: number;
  service: Distribution;
  servers: number;
  queueLimit?: number;
  seed: number;
}

interface StationRun {
  /** Response time of each measured customer, in arrival order. */
  responses: number[];
  /** Wait before service of each measured customer, in arrival order. */
  waits: number[];
  /** 1 for each measured arrival that was rejected, else 0. */
  losses: number[];
  /** Station.utilisation() over the measured arrivals. */
  utilisation: number;
  /** Utilisation within each of BATCHES equal runs of measured arrivals. */
  utilisationBatches: number[];
  /** Mean of Station.responseTime at the end of the run. */
  stationMeanResponse: number;
}

type DepartureEntry = [time: number, name: string];

interface Customer {
  /** Index among measured customers, negative during the warm-up. */
  index: number;
  arrivalDate: number;
  serviceTime: number;
}

/**
 * Feeds a station with Poisson arrivals. The first WARMUP customers are not
 * measured, and statistics restart when the first measured one arrives.
 * Utilisation is read when customer WARMUP + CUSTOMERS arrives, which is
 * not served, so it covers the measured arrivals. The run then drains.
 */
function runStation(scenario: StationScenario): StationRun {
  const sim = new Simulator();
  const station = new Station(
    sim,
    'station',
    scenario.servers,
    scenario.queueLimit,
  );
  const streams = new RandomStreams(scenario.seed);
  const arrivalStream = streams.stream('arrivals');
  const serviceStream = streams.stream('service');
  const interarrival = exponential(1 / scenario.arrivalRate);

  const responses = new Array<number>(CUSTOMERS).fill(NaN);
  const waits = new Array<number>(CUSTOMERS).fill(NaN);
  const losses: number[] = [];
  let utilisation = NaN;
  const utilisationBatches: number[] = [];
  let statisticsStart = 0;
  let lastBusyTime = 0;
  let lastBoundary = 0;

  // Utilisation times the time since the reset is the busy time per
  // server, so its growth over one batch gives that batch's utilisation.
  const closeBatch = (): void => {
    const busyTime = station.utilisation() * (sim.now - statisticsStart);
    const batchDuration = sim.now - lastBoundary;
    utilisationBatches.push((busyTime - lastBusyTime) / batchDuration);
    lastBusyTime = busyTime;
    lastBoundary = sim.now;
  };

  const depart = (customer: Customer): void => {
    if (customer.index < 0) return;
    const response = sim.now - customer.arrivalDate;
    responses[customer.index] = response;
    waits[customer.index] = response - customer.serviceTime;
  };

  let arrivals = 0;
  const arrive = (): void => {
    if (arrivals === WARMUP) {
      station.resetStatistics();
      statisticsStart = sim.now;
      lastBoundary = sim.now;
    } else if (arrivals > WARMUP && (arrivals - WARMUP) % BATCH_SIZE === 0) {
      closeBatch();
    }
    if (arrivals === WARMUP + CUSTOMERS) {
      utilisation = station.utilisation();
      return;
    }

    const customer: Customer = {
      index: arrivals - WARMUP,
      arrivalDate: sim.now,
      serviceTime: scenario.service.sample(serviceStream),
    };
    arrivals++;
    const admitted = station.serve(customer.serviceTime, depart, customer);
    if (customer.index >= 0) losses.push(admitted ? 0 : 1);
    sim.schedule(interarrival.sample(arrivalStream), arrive, undefined);
  };

  sim.schedule(0, arrive, undefined);
  sim.run();

  // Rejected customers never depart and leave NaN behind.
  return {
    responses: responses.filter((value) => !Number.isNaN(value)),
    waits: waits.filter((value) => !Number.isNaN(value)),
    losses,
    utilisation,
    utilisationBatches,
    stationMeanResponse: station.responseTime.mean,
  };
}

describe('Station', () => {
  it('serves FCFS with exact times', () => {
    // Service 2, 1 and 3 s for jobs arriving at 0, 0.5 and 1: departures
    // at 2, 3 and 6, so responses are 2, 2.5 and 5.
    const sim = new Simulator();
    const station = new Station(sim, 'disk', 1);
    const log: DepartureEntry[] = [];
    const depart = (name: string): void => {
      log.push([sim.now, name]);
    };
    station.serve(2, depart, 'a');
    sim.schedule(0.5, () => station.serve(1, depart, 'b'), undefined);
    sim.schedule(1, () => station.serve(3, depart, 'c'), undefined);
    sim.run();

    expect(log).toEqual([
      [2, 'a'],
      [3, 'b'],
      [6, 'c'],
    ]);
    expect(station.completed).toBe(3);
    expect(station.responseTime.mean).toBe(9.5 / 3);
    expect(station.utilisation()).toBe(1);
  });

  it('two servers overtake long job', () => {
    const sim = new Simulator();
    const station = new Station(sim, 'filer', 2);
    const log: DepartureEntry[] = [];
    const depart = (name: string): void => {
      log.push([sim.now, name]);
    };
    station.serve(3, depart, 'long');
    station.serve(1, depart, 'short 1');
    station.serve(1, depart, 'short 2');
    sim.run();

    expect(log).toEqual([
      [1, 'short 1'],
      [2, 'short 2'],
      [3, 'long'],
    ]);
    // Busy server time 3 + 1 + 1 = 5 over 3 s on two servers.
    expect(station.utilisation()).toBe(5 / 6);
  });

  it('full queue loses job', () => {
    const sim = new Simulator();
    const station = new Station(sim, 'directory', 1, 1);
    const log: DepartureEntry[] = [];
    const depart = (name: string): void => {
      log.push([sim.now, name]);
    };
    expect(station.serve(1, depart, 'served')).toBe(true);
    expect(station.serve(1, depart, 'queued')).toBe(true);
    expect(station.serve(1, depart, 'lost')).toBe(false);
    sim.run();

    expect(log.map(([, name]) => name)).toEqual(['served', 'queued']);
    expect(station.pool.rejected).toBe(1);
  });

  describe('M/M/1 at rho 0.8', () => {
    const exact = mm1(0.8, 1);
    let run: StationRun;
    beforeAll(() => {
      run = runStation({
        arrivalRate: 0.8,
        service: exponential(1),
        servers: 1,
        seed: 101,
      });
    });

    it('mean response matches mm1', () => {
      expectNear(batchMeans(run.responses, BATCHES), exact.meanResponse, 0.12);
    });

    it('utilisation matches mm1', () => {
      const { standardError } = summarizeBatches(run.utilisationBatches);
      const estimate = { mean: run.utilisation, standardError };
      expectNear(estimate, exact.utilisation, 0.03);
    });

    it('response tally matches', () => {
      // The station's tally also counts warm-up jobs that leave after the
      // reset, so it agrees with the measured jobs only closely.
      const measured = batchMeans(run.responses, BATCHES).mean;
      const relative = Math.abs(run.stationMeanResponse - measured) / measured;
      expect(relative).toBeLessThan(0.01);
    });
  });

  describe('M/M/3 at rho 0.8', () => {
    const exact = mmc(2.4, 1, 3);
    let run: StationRun;
    beforeAll(() => {
      run = runStation({
        arrivalRate: 2.4,
        service: exponential(1),
        servers: 3,
        seed: 102,
      });
    });

    it('mean response matches mmc', () => {
      expectNear(batchMeans(run.responses, BATCHES), exact.meanResponse, 0.1);
    });

    it('mean wait matches mmc', () => {
      expectNear(batchMeans(run.waits, BATCHES), exact.meanWait, 0.15);
    });

    it('utilisation matches mmc', () => {
      const { standardError } = summarizeBatches(run.utilisationBatches);
      const estimate = { mean: run.utilisation, standardError };
      expectNear(estimate, exact.utilisation, 0.03);
    });
  });

  describe('M/M/1/5 at load 0.9', () => {
    // K = 5 places in total: one in service and queueLimit 4 waiting.
    const exact = mmck(0.9, 1, 1, 5);
    let run: StationRun;
    beforeAll(() => {
      run = runStation({
        arrivalRate: 0.9,
        service: exponential(1),
        servers: 1,
        queueLimit: 4,
        seed: 103,
      });
    });

    it('loss probability matches mmck', () => {
      expectNear(batchMeans(run.losses, BATCHES), exact.lossProbability, 0.1);
    });

    it('mean response matches mmck', () => {
      expectNear(batchMeans(run.responses, BATCHES), exact.meanResponse, 0.05);
    });
  });

  describe('M/D/1 at rho 0.8', () => {
    const exact = md1(0.8, 1);
    let run: StationRun;
    beforeAll(() => {
      run = runStation({
        arrivalRate: 0.8,
        service: deterministic(1),
        servers: 1,
        seed: 104,
      });
    });

    it('mean wait matches md1', () => {
      expectNear(batchMeans(run.waits, BATCHES), exact.meanWait, 0.1);
    });
  });
});
