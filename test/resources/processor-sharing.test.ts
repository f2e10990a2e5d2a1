import { beforeAll, describe, expect, it } from 'vitest';
import { mm1Ps, mm1PsConditionalResponse } from '../../src/analytic/index.js';
import {
  EmpiricalDistribution,
  exponential,
  type Distribution,
} from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';
import { ProcessorSharingCpu } from '../../src/resources/processor-sharing.js';
import { batchMeans, expectNear } from './batch-means.js';

type FinishEntry = [time: number, name: string];

function setUp(cores: number, speed: number) {
  const sim = new Simulator();
  const cpu = new ProcessorSharingCpu(sim, 'cpu', cores, speed);
  const finishes: FinishEntry[] = [];
  const finish = (name: string): void => {
    finishes.push([sim.now, name]);
  };
  return { sim, cpu, finishes, finish };
}

const JOBS = 200_000;
const WARMUP = 5_000;
const BATCHES = 20;

interface PsRun {
  /** Work of each measured job, in arrival order. */
  works: number[];
  /** Response time of each measured job, in arrival order. */
  responses: number[];
}

/**
 * Runs an M/G/1-PS queue on one core at speed 1: Poisson arrivals at
 * `arrivalRate` with work drawn from `work`. The first WARMUP jobs are not
 * measured, and the CPU statistics restart when the first measured job
 * arrives.
 */
function runPs(arrivalRate: number, work: Distribution, seed: number): PsRun {
  const sim = new Simulator();
  const cpu = new ProcessorSharingCpu(sim, 'cpu', 1, 1);
  const streams = new RandomStreams(seed);
  const arrivalStream = streams.stream('arrivals');
  const workStream = streams.stream('work');
  const interarrival = exponential(1 / arrivalRate);

  const works: number[] = [];
  const responses = new Array<number>(JOBS).fill(NaN);

  interface Job {
    /** Index among measured jobs, negative during the warm-up. */
    index: number;
    arrivalDate: number;
  }

  const finish = (job: Job): void => {
    if (job.index >= 0) responses[job.index] = sim.now - job.arrivalDate;
  };

  let arrivals = 0;
  const arrive = (): void => {
    if (arrivals === WARMUP) cpu.resetStatistics();
    const job: Job = { index: arrivals - WARMUP, arrivalDate: sim.now };
    const jobWork = work.sample(workStream);
    if (job.index >= 0) works.push(jobWork);
    arrivals++;
    cpu.execute(jobWork, finish, job);
    if (arrivals < WARMUP + JOBS) {
      sim.schedule(interarrival.sample(arrivalStream), arrive, undefined);
    }
  };

  sim.schedule(0, arrive, undefined);
  sim.run();
  return { works, responses };
}

describe('ProcessorSharingCpu', () => {
  it('two jobs share one core', () => {
    // Both run at rate 1/2 until the first has its 1 s of work at t=2,
    // then the second finishes its last 1 s alone at t=3.
    const { sim, cpu, finishes, finish } = setUp(1, 1);
    cpu.execute(1, finish, 'short');
    cpu.execute(2, finish, 'long');
    sim.run();

    expect(finishes).toEqual([
      [2, 'short'],
      [3, 'long'],
    ]);
  });

  it('job arriving midway shares remaining work', () => {
    // A (work 2) runs alone on [0, 1) and has 1 s of work left when B
    // (work 1) arrives. Each then gets rate 1/2 and needs 1 s of work, so
    // both finish at 1 + 1 / (1/2) = 3. B gets no credit for [0, 1).
    const { sim, cpu, finishes, finish } = setUp(1, 1);
    cpu.execute(2, finish, 'A');
    sim.schedule(1, () => cpu.execute(1, finish, 'B'), undefined);
    sim.run();

    expect(finishes).toEqual([
      [3, 'A'],
      [3, 'B'],
    ]);
  });

  it('idle time gives no credit', () => {
    // The CPU is idle on [1, 5), so B's work only starts at its arrival.
    const { sim, cpu, finishes, finish } = setUp(1, 1);
    cpu.execute(1, finish, 'A');
    sim.schedule(5, () => cpu.execute(1, finish, 'B'), undefined);
    sim.run();

    expect(finishes).toEqual([
      [1, 'A'],
      [6, 'B'],
    ]);
  });

  it('speed 2 halves times', () => {
    const { sim, cpu, finishes, finish } = setUp(1, 2);
    cpu.execute(1, finish, 'short');
    cpu.execute(2, finish, 'long');
    sim.run();

    expect(finishes).toEqual([
      [1, 'short'],
      [1.5, 'long'],
    ]);
  });

  it('two cores run two jobs at full speed', () => {
    const { sim, cpu, finishes, finish } = setUp(2, 1);
    cpu.execute(1, finish, 'short');
    cpu.execute(2, finish, 'long');
    sim.run();

    expect(finishes).toEqual([
      [1, 'short'],
      [2, 'long'],
    ]);
  });

  it('two cores share among three jobs', () => {
    // Works 1, 2 and 3 each run at rate 2/3 until the first finishes at
    // t=1.5. The other two then have 1 and 2 s left and a core each, so
    // they finish at 2.5 and 3.5.
    const { sim, cpu, finishes, finish } = setUp(2, 1);
    cpu.execute(1, finish, 'a');
    cpu.execute(2, finish, 'b');
    cpu.execute(3, finish, 'c');
    sim.run();

    expect(finishes.map(([, name]) => name)).toEqual(['a', 'b', 'c']);
    const times = finishes.map(([time]) => time);
    expect(times[0]).toBeCloseTo(1.5, 12);
    expect(times[1]).toBeCloseTo(2.5, 12);
    expect(times[2]).toBeCloseTo(3.5, 12);
  });

  it('two cores utilisation with three jobs', () => {
    // Two cores busy on [0, 2.5) and one on [2.5, 3.5): 6 core-seconds
    // over 3.5 s on two cores.
    const { sim, cpu, finish } = setUp(2, 1);
    cpu.execute(1, finish, 'a');
    cpu.execute(2, finish, 'b');
    cpu.execute(3, finish, 'c');
    sim.run();

    expect(cpu.utilisation()).toBeCloseTo(6 / 7, 12);
  });

  it('busy time equals total work', () => {
    // One core at speed 1 is busy exactly while work remains, so over a
    // drained run the busy time is the sum of all work.
    const { sim, cpu, finish } = setUp(1, 1);
    const streams = new RandomStreams(203);
    const arrivalStream = streams.stream('arrivals');
    const workStream = streams.stream('work');
    const interarrival = exponential(1.25);
    const work = exponential(1);
    let totalWork = 0;
    let arrivals = 0;
    const arrive = (): void => {
      const jobWork = work.sample(workStream);
      totalWork += jobWork;
      cpu.execute(jobWork, finish, 'job');
      arrivals++;
      if (arrivals < 2_000) {
        sim.schedule(interarrival.sample(arrivalStream), arrive, undefined);
      }
    };
    sim.schedule(0, arrive, undefined);
    sim.run();

    const busyTime = cpu.utilisation() * sim.now;
    expect(busyTime / totalWork).toBeCloseTo(1, 9);
  });

  it('zero work finishes at once', () => {
    const { sim, cpu, finishes, finish } = setUp(1, 1);
    sim.schedule(2, () => cpu.execute(0, finish, 'empty'), undefined);
    sim.run();
    expect(finishes).toEqual([[2, 'empty']]);
  });

  it('equal work finishes in arrival order', () => {
    const { sim, cpu, finishes, finish } = setUp(1, 1);
    cpu.execute(1, finish, 'first');
    cpu.execute(1, finish, 'second');
    sim.run();

    expect(finishes).toEqual([
      [2, 'first'],
      [2, 'second'],
    ]);
  });

  it('job count follows arrivals and departures', () => {
    const { sim, cpu, finish } = setUp(1, 1);
    cpu.execute(1, finish, 'a');
    cpu.execute(3, finish, 'b');
    expect(cpu.jobCount).toBe(2);
    sim.run(2.5);
    expect(cpu.jobCount).toBe(1);
    sim.run();
    expect(cpu.jobCount).toBe(0);
  });

  it.each([
    ['speed 0', 1, 0],
    ['cores 0', 0, 1],
    ['fractional cores', 1.5, 1],
  ])('%s throws RangeError', (_case, cores, speed) => {
    const sim = new Simulator();
    expect(() => new ProcessorSharingCpu(sim, 'cpu', cores, speed)).toThrow(
      RangeError,
    );
  });

  it('negative work throws RangeError', () => {
    const { cpu, finish } = setUp(1, 1);
    expect(() => cpu.execute(-1, finish, 'bad')).toThrow(RangeError);
    expect(cpu.jobCount).toBe(0);
  });

  describe('M/M/1-PS at rho 0.8', () => {
    const exact = mm1Ps(0.8, 1);
    let run: PsRun;
    beforeAll(() => {
      run = runPs(0.8, exponential(1), 201);
    });

    it('mean response matches mm1Ps', () => {
      expectNear(batchMeans(run.responses, BATCHES), exact.meanResponse, 0.12);
    });
  });

  describe('M/G/1-PS with two job sizes', () => {
    // Work 0.5 s with probability 2/3 and 2 s with probability 1/3: mean
    // 1 s, so rho is 0.8 at arrival rate 0.8. Under PS the mean response of
    // a job of size x is x / (1 - rho) for any work distribution.
    const sizes = [0.5, 2];
    let responsesBySize: Map<number, number[]>;
    beforeAll(() => {
      const run = runPs(0.8, new EmpiricalDistribution(sizes, [2, 1]), 202);
      responsesBySize = new Map(sizes.map((size) => [size, []]));
      run.works.forEach((work, i) => {
        responsesBySize.get(work)?.push(run.responses[i] as number);
      });
    });

    it.each(sizes)('conditional response of size %s', (size) => {
      const exact = mm1PsConditionalResponse(0.8, 1, size);
      const responses = responsesBySize.get(size) ?? [];
      expectNear(batchMeans(responses, BATCHES), exact, 0.12);
    });
  });
});
