import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';
import { PriorityPool } from '../../src/resources/priority-pool.js';

function setup(queueLimit = Infinity): { pool: PriorityPool; granted: string[] } {
  const sim = new Simulator();
  const pool = new PriorityPool(sim, 'cpu', { capacity: 1, queueLimit, levels: 3 });
  return { pool, granted: [] };
}

describe('PriorityPool', () => {
  it('grants at once when a unit is free', () => {
    const { pool, granted } = setup();
    const ticket = pool.request(2, (name: string) => granted.push(name), 'a');
    expect(ticket).toBeNull();
    expect(granted).toEqual(['a']);
  });

  it('serves the lowest level first', () => {
    const { pool, granted } = setup();
    const grant = (name: string): void => {
      granted.push(name);
    };
    pool.request(0, grant, 'busy');
    pool.request(2, grant, 'low1');
    pool.request(1, grant, 'mid');
    pool.request(2, grant, 'low2');
    pool.request(0, grant, 'high');
    for (let i = 0; i < 4; i++) pool.release();
    expect(granted).toEqual(['busy', 'high', 'mid', 'low1', 'low2']);
  });

  it('rejects when the queue is full', () => {
    const { pool } = setup(1);
    pool.request(0, () => {}, 'a');
    pool.request(0, () => {}, 'b');
    expect(pool.request(0, () => {}, 'c')).toBe(false);
    expect(pool.rejected).toBe(1);
  });

  it('skips cancelled requests', () => {
    const { pool, granted } = setup();
    const grant = (name: string): void => {
      granted.push(name);
    };
    pool.request(0, grant, 'busy');
    const ticket = pool.request(0, grant, 'gone');
    pool.request(1, grant, 'next');
    if (ticket === null || ticket === false) throw new Error('expected a waiting ticket');
    pool.cancel(ticket);
    expect(pool.queueLength).toBe(1);
    pool.release();
    expect(granted).toEqual(['busy', 'next']);
  });

  it('frees the unit when nobody waits', () => {
    const { pool } = setup();
    pool.request(0, () => {}, 'a');
    pool.release();
    expect(pool.inUse).toBe(0);
  });

  it('rejects an unknown level', () => {
    const { pool } = setup();
    expect(() => pool.request(3, () => {}, 'a')).toThrow(
      'priority pool cpu: level 3 must be an integer from 0 to 2',
    );
  });
});
