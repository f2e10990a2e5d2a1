import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';

interface Planned {
  time: number;
  /** Position in the order of schedule calls. */
  index: number;
  cancelled: boolean;
}

// More events than the calendar's initial capacity of 1,024, so the heap
// grows while it holds them.
const EVENTS = 5_000;

describe('calendar order', () => {
  it('fires by time, then schedule order', () => {
    const sim = new Simulator();
    const random = new RandomStreams(11).stream('calendar');
    const planned: Planned[] = [];
    const fired: number[] = [];
    const record = (index: number): void => {
      fired.push(index);
    };

    for (let index = 0; index < EVENTS; index++) {
      // Ten distinct instants, so most events share their time with others.
      const time = Math.floor(random.next() * 10);
      const event = sim.schedule(time, record, index);
      const cancelled = random.next() < 0.2;
      if (cancelled) sim.cancel(event);
      planned.push({ time, index, cancelled });
    }
    expect(sim.pending).toBe(EVENTS);

    sim.run();

    const expected = planned
      .filter((entry) => !entry.cancelled)
      .sort((a, b) => a.time - b.time || a.index - b.index)
      .map((entry) => entry.index);
    expect(fired).toEqual(expected);
    expect(sim.eventsFired).toBe(expected.length);
    expect(sim.pending).toBe(0);
  });

  it('queues zero delays behind equal times', () => {
    const sim = new Simulator();
    const fired: string[] = [];
    const record = (name: string): void => {
      fired.push(name);
    };
    const burst = (): void => {
      fired.push('burst');
      for (let i = 0; i < 2_000; i++) sim.schedule(0, record, `zero ${i}`);
    };

    sim.schedule(1, burst, undefined);
    for (let i = 0; i < 2_000; i++) sim.schedule(1, record, `early ${i}`);
    sim.schedule(2, record, 'later');
    sim.run();

    const early = Array.from({ length: 2_000 }, (_, i) => `early ${i}`);
    const zero = Array.from({ length: 2_000 }, (_, i) => `zero ${i}`);
    expect(fired).toEqual(['burst', ...early, ...zero, 'later']);
    expect(sim.now).toBe(2);
  });

  it('reuses slots of fired events', () => {
    const sim = new Simulator();
    let count = 0;
    const tick = (): void => {
      count++;
      if (count < 100_000) sim.schedule(0.5, tick, undefined);
    };
    for (let i = 0; i < 3_000; i++) sim.schedule(i * 1e-3, tick, undefined);

    sim.run();

    expect(count).toBe(100_000 + 2_999);
    expect(sim.pending).toBe(0);
  });
});
