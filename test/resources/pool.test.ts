import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';
import { Pool, type PoolTicket } from '../../src/resources/pool.js';

type GrantEntry = [time: number, name: string];

function setUp(capacity: number, queueLimit: number) {
  const sim = new Simulator();
  const pool = new Pool(sim, 'threads', { capacity, queueLimit });
  const grants: GrantEntry[] = [];
  const grant = (name: string): void => {
    grants.push([sim.now, name]);
  };
  return { sim, pool, grants, grant };
}

describe('Pool', () => {
  it('admits capacity plus queue limit', () => {
    const capacity = 3;
    const queueLimit = 2;
    const { pool, grant } = setUp(capacity, queueLimit);

    const outcomes: Array<PoolTicket | null | false> = [];
    for (let i = 0; i < capacity + queueLimit + 1; i++) {
      outcomes.push(pool.request(grant, `r${i}`));
    }

    const granted = outcomes.filter((outcome) => outcome === null).length;
    const queued = outcomes.filter(
      (outcome) => outcome !== null && outcome !== false,
    ).length;
    expect(granted).toBe(capacity);
    expect(queued).toBe(queueLimit);
    expect(outcomes[capacity + queueLimit]).toBe(false);
    expect(pool.inUse).toBe(capacity);
    expect(pool.queueLength).toBe(queueLimit);
    expect(pool.rejected).toBe(1);
  });

  it('isFull only when no request fits', () => {
    const { pool, grant } = setUp(2, 1);
    expect(pool.isFull()).toBe(false);
    pool.request(grant, 'a');
    pool.request(grant, 'b');
    // Both units busy, but the queue has room.
    expect(pool.isFull()).toBe(false);
    pool.request(grant, 'c');
    expect(pool.isFull()).toBe(true);
    pool.release();
    expect(pool.isFull()).toBe(false);
  });

  it('queue limit zero rejects when full', () => {
    const { pool, grant } = setUp(1, 0);
    expect(pool.request(grant, 'first')).toBeNull();
    expect(pool.request(grant, 'second')).toBe(false);
    expect(pool.rejected).toBe(1);
  });

  it('grant runs inside request', () => {
    const { pool, grants, grant } = setUp(1, 0);
    pool.request(grant, 'first');
    expect(grants).toEqual([[0, 'first']]);
  });

  it('grants in FIFO order', () => {
    const { sim, pool, grants, grant } = setUp(1, Infinity);
    for (const name of ['a', 'b', 'c', 'd']) pool.request(grant, name);
    for (const time of [1, 2, 3]) {
      sim.schedule(time, () => pool.release(), undefined);
    }
    sim.run();

    expect(grants).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
      [3, 'd'],
    ]);
  });

  it('cancelled ticket is skipped', () => {
    const { sim, pool, grants, grant } = setUp(1, Infinity);
    pool.request(grant, 'a');
    pool.request(grant, 'b');
    const ticket = pool.request(grant, 'c');
    pool.request(grant, 'd');
    if (ticket === null || ticket === false) throw new Error('c must wait');

    pool.cancel(ticket);
    expect(pool.queueLength).toBe(2);

    for (const time of [1, 2, 3]) {
      sim.schedule(time, () => pool.release(), undefined);
    }
    sim.run();

    expect(grants).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'd'],
    ]);
    expect(pool.inUse).toBe(0);
    expect(pool.queueLength).toBe(0);
    expect(pool.waitTime.count).toBe(3);
  });

  it('cancel twice counts once', () => {
    const { pool, grant } = setUp(1, Infinity);
    pool.request(grant, 'a');
    const ticket = pool.request(grant, 'b');
    pool.request(grant, 'c');
    if (ticket === null || ticket === false) throw new Error('b must wait');

    pool.cancel(ticket);
    pool.cancel(ticket);
    expect(pool.queueLength).toBe(1);
  });

  it('cancelled ticket frees queue room', () => {
    const { pool, grant } = setUp(1, 1);
    pool.request(grant, 'a');
    const ticket = pool.request(grant, 'b');
    if (ticket === null || ticket === false) throw new Error('b must wait');

    pool.cancel(ticket);
    expect(pool.request(grant, 'c')).not.toBe(false);
    expect(pool.rejected).toBe(0);
  });

  it('cancel after grant keeps counts', () => {
    const { pool, grant } = setUp(1, 1);
    pool.request(grant, 'a');
    const ticket = pool.request(grant, 'b');
    if (ticket === null || ticket === false) throw new Error('b must wait');
    pool.release();

    // Cancelling a granted ticket must change nothing, as cancelling a
    // fired event does in Simulator.
    pool.cancel(ticket);
    expect(pool.queueLength).toBe(0);
    pool.request(grant, 'c');
    expect(pool.request(grant, 'd')).toBe(false);
  });

  it('release grants at the same instant', () => {
    const { sim, pool, grants, grant } = setUp(2, Infinity);
    pool.request(grant, 'a');
    pool.request(grant, 'b');
    pool.request(grant, 'c');
    sim.schedule(2.5, () => pool.release(), undefined);
    sim.run();

    expect(grants[2]).toEqual([2.5, 'c']);
    expect(pool.inUse).toBe(2);
    expect(pool.waitTime.mean).toBeCloseTo(2.5 / 3, 12);
  });

  it('release without a unit throws', () => {
    const { pool } = setUp(2, Infinity);
    expect(() => pool.release()).toThrow('release without a unit in use');
  });

  it('extra release throws', () => {
    const { pool, grant } = setUp(2, Infinity);
    pool.request(grant, 'a');
    pool.release();
    expect(() => pool.release()).toThrow('release without a unit in use');
    expect(pool.inUse).toBe(0);
  });

  it('release and request requeues behind', () => {
    const { sim, pool, grants, grant } = setUp(1, Infinity);
    pool.request(grant, 'a');
    pool.request(grant, 'b');
    pool.request(grant, 'c');
    sim.schedule(
      1,
      () => {
        pool.release();
        pool.request(grant, 'a again');
      },
      undefined,
    );
    sim.schedule(2, () => pool.release(), undefined);
    sim.schedule(3, () => pool.release(), undefined);
    sim.run();

    expect(grants).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
      [3, 'a again'],
    ]);
  });

  it('rejects invalid capacity', () => {
    const sim = new Simulator();
    expect(() => new Pool(sim, 'p', { capacity: 0, queueLimit: 1 })).toThrow(
      RangeError,
    );
    expect(() => new Pool(sim, 'p', { capacity: 1.5, queueLimit: 1 })).toThrow(
      RangeError,
    );
  });

  it('rejects negative queue limit', () => {
    const sim = new Simulator();
    expect(() => new Pool(sim, 'p', { capacity: 1, queueLimit: -1 })).toThrow(
      RangeError,
    );
  });

  it('busy average counts partial service', () => {
    // Unit 1 is busy on [0, 4) and again from t=6 to the end at t=10, and
    // unit 2 is busy on [1, 3). Busy area 4 + 4 + 2 = 10 over 10 s on two
    // units gives utilisation 0.5.
    const { sim, pool, grant } = setUp(2, Infinity);
    pool.request(grant, 'a');
    sim.schedule(1, () => pool.request(grant, 'b'), undefined);
    sim.schedule(3, () => pool.release(), undefined);
    sim.schedule(4, () => pool.release(), undefined);
    sim.schedule(6, () => pool.request(grant, 'c'), undefined);
    sim.run(10);

    const utilisation = pool.busy.mean(sim.now) / pool.capacity;
    expect(pool.inUse).toBe(1);
    expect(utilisation).toBeLessThanOrEqual(1);
    expect(utilisation).toBe(0.5);
  });

  it('busy average of saturated pool', () => {
    // Always full with a queue: the busy level stays at capacity.
    const { sim, pool, grant } = setUp(2, Infinity);
    for (let i = 0; i < 5; i++) pool.request(grant, `r${i}`);
    sim.schedule(2, () => pool.release(), undefined);
    sim.schedule(3, () => pool.release(), undefined);
    sim.run(8);

    expect(pool.busy.mean(sim.now) / pool.capacity).toBe(1);
    // Three waiting on [0, 2), two on [2, 3), one on [3, 8): 13 / 8.
    expect(pool.waiting.mean(sim.now)).toBe(13 / 8);
  });

  it('reset statistics starts afresh', () => {
    const { sim, pool, grant } = setUp(1, 0);
    pool.request(grant, 'a');
    pool.request(grant, 'rejected');
    sim.schedule(4, () => pool.release(), undefined);
    sim.run(5);
    pool.resetStatistics();
    sim.run(10);

    expect(pool.rejected).toBe(0);
    expect(pool.waitTime.count).toBe(0);
    expect(pool.busy.mean(sim.now)).toBe(0);
  });

  it('never idles while requests wait', () => {
    // Random arrivals with random holding times and random patience: a
    // waiting request is cancelled when its patience runs out, and some
    // customers request again at the instant they release.
    const capacity = 3;
    const queueLimit = 5;
    const sim = new Simulator();
    const pool = new Pool(sim, 'threads', { capacity, queueLimit });
    const streams = new RandomStreams(2024);
    const arrivalStream = streams.stream('arrivals');
    const holdStream = streams.stream('hold');
    const patienceStream = streams.stream('patience');
    const interarrival = exponential(1 / 3);
    const holding = exponential(1.2);
    const patience = exponential(0.5);

    const violations: string[] = [];
    let checks = 0;
    let cancellations = 0;
    let repeats = 0;

    // Wraps an event handler so that the pool is checked after it runs.
    // Every event of this scenario is wrapped, and grants run inside them.
    function checked<A>(handler: (arg: A) => void): (arg: A) => void {
      return (arg) => {
        handler(arg);
        checks++;
        if (pool.inUse < capacity && pool.queueLength !== 0) {
          violations.push(
            `t=${sim.now}: ${pool.inUse} in use, ${pool.queueLength} waiting`,
          );
        }
        if (pool.queueLength > queueLimit || pool.queueLength < 0) {
          violations.push(`t=${sim.now}: queue length ${pool.queueLength}`);
        }
      };
    }

    // One request of a customer. `round` is 1 for the first request and 2
    // for a repeat made at the instant of release.
    interface Visit {
      round: number;
      ticket: PoolTicket | null;
    }

    const finish = checked((visit: Visit) => {
      pool.release();
      if (visit.round === 1 && holdStream.next() < 0.3) {
        repeats++;
        request(2);
      }
    });

    const onGrant = (visit: Visit): void => {
      visit.ticket = null;
      sim.schedule(holding.sample(holdStream), finish, visit);
    };

    const giveUp = checked((visit: Visit) => {
      if (visit.ticket === null) return;
      pool.cancel(visit.ticket);
      visit.ticket = null;
      cancellations++;
    });

    function request(round: number): void {
      const visit: Visit = { round, ticket: null };
      const outcome = pool.request(onGrant, visit);
      if (outcome === null || outcome === false) return;
      visit.ticket = outcome;
      sim.schedule(patience.sample(patienceStream), giveUp, visit);
    }

    let arrivals = 0;
    const arrive = checked(() => {
      arrivals++;
      request(1);
      if (arrivals < 20_000) {
        sim.schedule(interarrival.sample(arrivalStream), arrive, undefined);
      }
    });
    sim.schedule(0, arrive, undefined);
    sim.run();

    expect(violations).toEqual([]);
    // The scenario must reach the cases it is meant to exercise.
    expect(checks).toBeGreaterThan(40_000);
    expect(cancellations).toBeGreaterThan(100);
    expect(repeats).toBeGreaterThan(100);
    expect(pool.rejected).toBeGreaterThan(10);
  });
});

describe('Pool random discipline', () => {
  it('grants every waiter once', async () => {
    const { Simulator } = await import('../../src/engine/simulator.js');
    const { RandomStreams } = await import('../../src/engine/random.js');
    const { Pool } = await import('../../src/resources/pool.js');
    const sim = new Simulator();
    const pool = new Pool(sim, 'random', {
      capacity: 1,
      queueLimit: Infinity,
      discipline: 'random',
      random: new RandomStreams(3).stream('order'),
    });
    const granted: number[] = [];
    for (let i = 0; i < 50; i++) pool.request((id: number) => granted.push(id), i);
    for (let i = 0; i < 50; i++) pool.release();

    expect([...granted].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(granted).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(pool.inUse).toBe(0);
  });

  it('needs a random stream', async () => {
    const { Simulator } = await import('../../src/engine/simulator.js');
    const { Pool } = await import('../../src/resources/pool.js');
    expect(
      () => new Pool(new Simulator(), 'p', { capacity: 1, queueLimit: 1, discipline: 'random' }),
    ).toThrow('pool p: the random discipline needs a random stream');
  });
});
