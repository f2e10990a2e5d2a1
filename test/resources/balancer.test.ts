import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { Balancer, type BalancerPolicy } from '../../src/resources/balancer.js';

function makeBalancer(policy: BalancerPolicy, targets = 3, seed = 1): Balancer {
  const random = new RandomStreams(seed).stream('balancer');
  return new Balancer('smtp', targets, policy, random);
}

describe('Balancer', () => {
  it('least-connection scripted sequence', () => {
    const balancer = makeBalancer('least-connection');
    const chosen: number[] = [];

    // Open counts after each step are shown as [target 0, 1, 2].
    chosen.push(balancer.connect()); // [1, 0, 0]
    chosen.push(balancer.connect()); // [1, 1, 0]
    chosen.push(balancer.connect()); // [1, 1, 1]
    chosen.push(balancer.connect()); // tie, lowest index: [2, 1, 1]
    balancer.disconnect(1); // [2, 0, 1]
    chosen.push(balancer.connect()); // [2, 1, 1]
    balancer.disconnect(2); // [2, 1, 0]
    balancer.disconnect(0); // [1, 1, 0]
    chosen.push(balancer.connect()); // [1, 1, 1]
    chosen.push(balancer.connect()); // tie, lowest index: [2, 1, 1]
    balancer.disconnect(0); // [1, 1, 1]
    balancer.disconnect(0); // [0, 1, 1]
    chosen.push(balancer.connect()); // [1, 1, 1]
    chosen.push(balancer.connect()); // tie, lowest index: [2, 1, 1]

    expect(chosen).toEqual([0, 1, 2, 0, 1, 2, 0, 0, 0]);
    expect(balancer.openConnections(0)).toBe(2);
    expect(balancer.openConnections(1)).toBe(1);
    expect(balancer.openConnections(2)).toBe(1);
  });

  it('least-connection prefers idle target', () => {
    const balancer = makeBalancer('least-connection', 4);
    for (let i = 0; i < 4; i++) balancer.connect();
    balancer.disconnect(2);
    expect(balancer.connect()).toBe(2);
  });

  it('assigned counts every connection', () => {
    const balancer = makeBalancer('least-connection', 2);
    balancer.connect();
    balancer.disconnect(0);
    balancer.connect();
    balancer.connect();
    expect([...balancer.assigned]).toEqual([2, 1]);
  });

  it('disconnect without open connection throws', () => {
    const balancer = makeBalancer('least-connection');
    expect(() => balancer.disconnect(0)).toThrow(
      'close without open connection',
    );
  });

  it('disconnect of unknown target throws', () => {
    // Target 5 does not exist, so it has no open connection either.
    const balancer = makeBalancer('least-connection');
    expect(() => balancer.disconnect(5)).toThrow();
  });

  it('extra disconnect throws', () => {
    const balancer = makeBalancer('round-robin');
    const target = balancer.connect();
    balancer.disconnect(target);
    expect(() => balancer.disconnect(target)).toThrow(
      'close without open connection',
    );
    expect(balancer.openConnections(target)).toBe(0);
  });

  it('round-robin cycles', () => {
    const balancer = makeBalancer('round-robin');
    const chosen: number[] = [];
    for (let i = 0; i < 7; i++) chosen.push(balancer.connect());
    expect(chosen).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('round-robin ignores open counts', () => {
    const balancer = makeBalancer('round-robin');
    balancer.connect();
    balancer.connect();
    balancer.disconnect(0);
    balancer.disconnect(1);
    expect(balancer.connect()).toBe(2);
  });

  it('random spreads within binomial bounds', () => {
    const targets = 4;
    const connections = 40_000;
    const balancer = makeBalancer('random', targets, 7);
    for (let i = 0; i < connections; i++) balancer.connect();

    const share = 1 / targets;
    const expected = connections * share;
    const standardDeviation = Math.sqrt(connections * share * (1 - share));
    for (let target = 0; target < targets; target++) {
      const count = balancer.assigned[target] as number;
      expect(Math.abs(count - expected), `target ${target}`).toBeLessThan(
        4 * standardDeviation,
      );
    }
  });

  it('random repeats with same seed', () => {
    const first = makeBalancer('random', 5, 11);
    const second = makeBalancer('random', 5, 11);
    const firstChoices: number[] = [];
    const secondChoices: number[] = [];
    for (let i = 0; i < 50; i++) {
      firstChoices.push(first.connect());
      secondChoices.push(second.connect());
    }
    expect(secondChoices).toEqual(firstChoices);
  });

  it('least-connection state is per instance', () => {
    const first = makeBalancer('least-connection');
    const second = makeBalancer('least-connection');
    first.connect();
    first.connect();
    expect(second.connect()).toBe(0);
    expect(second.openConnections(1)).toBe(0);
  });

  it('round-robin state is per instance', () => {
    const first = makeBalancer('round-robin');
    const second = makeBalancer('round-robin');
    first.connect();
    first.connect();
    expect(second.connect()).toBe(0);
  });

  it.each([0, -1, 1.5])('targets %s throws RangeError', (targets) => {
    expect(() => makeBalancer('round-robin', targets)).toThrow(RangeError);
  });
});
