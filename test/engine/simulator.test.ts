import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';

type LogEntry = [time: number, name: string];

/** Returns a handler that appends (now, name) to `log` when it fires. */
function recorder(sim: Simulator, log: LogEntry[]): (name: string) => void {
  return (name) => {
    log.push([sim.now, name]);
  };
}

describe('Simulator', () => {
  it('equal times fire in insertion order', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    sim.schedule(2, record, 'b');
    sim.schedule(1, record, 'a');
    sim.schedule(2, record, 'c');
    sim.schedule(1, record, 'd');
    // Scheduled at t=1 for t=2, so it goes behind b and c.
    sim.schedule(1, () => sim.schedule(1, record, 'e'), undefined);
    sim.run();

    expect(log).toEqual([
      [1, 'a'],
      [1, 'd'],
      [2, 'b'],
      [2, 'c'],
      [2, 'e'],
    ]);
  });

  it('cancel prevents firing', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    sim.schedule(1, record, 'kept');
    const dropped = sim.schedule(2, record, 'dropped');
    sim.schedule(3, record, 'last');
    sim.cancel(dropped);
    sim.run();

    expect(log).toEqual([
      [1, 'kept'],
      [3, 'last'],
    ]);
    expect(sim.eventsFired).toBe(2);
  });

  it('cancel from an earlier handler', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    const timeout = sim.schedule(5, record, 'timeout');
    sim.schedule(2, () => sim.cancel(timeout), undefined);
    sim.run();

    expect(log).toEqual([]);
    expect(sim.now).toBe(2);
  });

  it('cancel twice is harmless', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    const event = sim.schedule(1, record, 'cancelled');
    sim.schedule(1, record, 'other');
    sim.cancel(event);
    sim.cancel(event);
    sim.run();

    expect(log).toEqual([[1, 'other']]);
    expect(sim.eventsFired).toBe(1);
  });

  it('cancel after firing is harmless', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    const event = sim.schedule(1, record, 'first');
    sim.run();
    sim.cancel(event);
    sim.schedule(1, record, 'second');
    sim.run();

    expect(log).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('run until stops before later events', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    sim.schedule(1, record, 'a');
    sim.schedule(5, record, 'b');
    sim.schedule(10, record, 'c');
    sim.run(7);

    expect(log).toEqual([
      [1, 'a'],
      [5, 'b'],
    ]);
    expect(sim.now).toBe(7);
    expect(sim.pending).toBe(1);
  });

  it('run until resumes later events', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    sim.schedule(10, record, 'c');
    sim.run(7);
    sim.schedule(1, record, 'd');
    sim.run();

    expect(log).toEqual([
      [8, 'd'],
      [10, 'c'],
    ]);
    expect(sim.now).toBe(10);
  });

  it('run until fires events at until', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    sim.schedule(5, record, 'edge');
    sim.run(5);

    expect(log).toEqual([[5, 'edge']]);
    expect(sim.now).toBe(5);
  });

  it('run until on empty calendar', () => {
    const sim = new Simulator();
    sim.run(3);
    expect(sim.now).toBe(3);
  });

  it('run without until stops at last event', () => {
    const sim = new Simulator();
    sim.schedule(4, () => {}, undefined);
    sim.run();
    expect(sim.now).toBe(4);
  });

  it('negative delay throws RangeError', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(-1, () => {}, undefined)).toThrow(RangeError);
  });

  it('NaN delay throws RangeError', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(NaN, () => {}, undefined)).toThrow(RangeError);
  });

  it('rejected delay leaves calendar empty', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(-0.5, () => {}, undefined)).toThrow(RangeError);
    expect(sim.pending).toBe(0);
  });

  it('timeouts expiring together fire in order', () => {
    const sim = new Simulator();
    const log: LogEntry[] = [];
    const record = recorder(sim, log);

    // Three timeouts set at t=0, 1 and 2 that all expire at t=5. They fire
    // in the order they were set, whatever their delays.
    sim.schedule(5, record, 'set at 0');
    sim.schedule(1, () => sim.schedule(4, record, 'set at 1'), undefined);
    sim.schedule(2, () => sim.schedule(3, record, 'set at 2'), undefined);
    sim.run();

    expect(log).toEqual([
      [5, 'set at 0'],
      [5, 'set at 1'],
      [5, 'set at 2'],
    ]);
  });

  it('chained events show no drift', () => {
    const sim = new Simulator();
    const count = 1_000_000;
    let fired = 0;
    const tick = (): void => {
      fired++;
      if (fired < count) sim.schedule(0.1, tick, undefined);
    };
    sim.schedule(0.1, tick, undefined);
    sim.run();

    // Each event time is the previous one plus 0.1, rounded to the nearest
    // double. Below 2^17 s one rounding is at most half an ulp, 2^-37 s, so
    // 1e6 additions stray at most about 7.3e-6 s from 1e5 s, which is
    // 7.3e-11 relative. The error of 0.1 itself adds 1e6 * 5.6e-18 s.
    expect(fired).toBe(count);
    expect(Math.abs(sim.now - 1e5) / 1e5).toBeLessThan(1e-6);
  });
});
