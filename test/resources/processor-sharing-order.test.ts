import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';
import { ProcessorSharingCpu } from '../../src/resources/processor-sharing.js';

type FinishEntry = [time: number, job: number];

// More jobs than the CPU's initial job capacity of 16, so its heap grows.
const JOBS = 40;

describe('ProcessorSharingCpu order', () => {
  it('equal jobs finish together in arrival order', () => {
    const sim = new Simulator();
    const cpu = new ProcessorSharingCpu(sim, 'cpu', 1, 1);
    const finishes: FinishEntry[] = [];
    const finish = (job: number): void => {
      finishes.push([sim.now, job]);
    };

    for (let job = 0; job < JOBS; job++) cpu.execute(1, finish, job);
    expect(cpu.jobCount).toBe(JOBS);
    sim.run();

    // Each job gets 1/40 of the core, so all 40 s of work end at t = 40.
    const expected = Array.from({ length: JOBS }, (_, job): FinishEntry => [40, job]);
    expect(finishes).toEqual(expected);
    expect(cpu.jobCount).toBe(0);
  });

  it('smaller jobs finish first', () => {
    const sim = new Simulator();
    const cpu = new ProcessorSharingCpu(sim, 'cpu', 1, 1);
    const finishes: FinishEntry[] = [];
    const finish = (job: number): void => {
      finishes.push([sim.now, job]);
    };

    // Job j needs JOBS - j seconds, so the last job to arrive is the smallest.
    for (let job = 0; job < JOBS; job++) cpu.execute(JOBS - job, finish, job);
    sim.run();

    expect(finishes.map(([, job]) => job)).toEqual(Array.from({ length: JOBS }, (_, i) => JOBS - 1 - i));
    // The smallest job shares the core with all 40 until it ends: 40 x 1 s.
    expect(finishes[0]?.[0]).toBeCloseTo(40, 9);
    // All work is done when the core has run 1 + 2 + ... + 40 = 820 s.
    expect(sim.now).toBeCloseTo(820, 9);
  });

  it('job arriving at a finish instant waits its turn', () => {
    const sim = new Simulator();
    const cpu = new ProcessorSharingCpu(sim, 'cpu', 2, 1);
    const finishes: FinishEntry[] = [];
    const finish = (job: number): void => {
      finishes.push([sim.now, job]);
    };

    cpu.execute(2, finish, 0);
    cpu.execute(2, finish, 1);
    sim.schedule(2, () => cpu.execute(0, finish, 2), undefined);
    sim.run();

    // The two jobs run one per core and end at t = 2; the zero-work job
    // arrives then and ends at once, after them.
    expect(finishes).toEqual([
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
  });
});
