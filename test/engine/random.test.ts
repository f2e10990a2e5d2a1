import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStream } from '../../src/engine/random.js';

function draw(stream: RandomStream, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(stream.next());
  return values;
}

describe('RandomStreams', () => {
  it('same seed and name repeat', () => {
    const first = draw(new RandomStreams(42).stream('arrivals'), 100);
    const second = draw(new RandomStreams(42).stream('arrivals'), 100);
    expect(second).toEqual(first);
  });

  it('stream lookup continues the sequence', () => {
    const reference = draw(new RandomStreams(7).stream('service'), 6);

    const streams = new RandomStreams(7);
    const head = draw(streams.stream('service'), 3);
    const tail = draw(streams.stream('service'), 3);

    expect([...head, ...tail]).toEqual(reference);
  });

  it('different names differ', () => {
    const streams = new RandomStreams(42);
    const arrivals = draw(streams.stream('arrivals'), 20);
    const service = draw(streams.stream('service'), 20);
    expect(service).not.toEqual(arrivals);
  });

  it('different seeds differ', () => {
    const first = draw(new RandomStreams(1).stream('arrivals'), 20);
    const second = draw(new RandomStreams(2).stream('arrivals'), 20);
    expect(second).not.toEqual(first);
  });

  it('draws on one stream leave others', () => {
    const reference = draw(new RandomStreams(99).stream('service'), 50);

    const streams = new RandomStreams(99);
    const service = streams.stream('service');
    const arrivals = streams.stream('arrivals');
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      arrivals.next();
      interleaved.push(service.next());
      if (i % 3 === 0) arrivals.next();
    }

    expect(interleaved).toEqual(reference);
  });

  it('draws lie in [0, 1)', () => {
    const values = draw(new RandomStreams(3).stream('unit'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it.each([1.5, NaN, Infinity, 2 ** 53, -(2 ** 53)])(
    'seed %s throws RangeError',
    (seed) => {
      expect(() => new RandomStreams(seed)).toThrow(RangeError);
    },
  );

  it.each([0, -7, Number.MAX_SAFE_INTEGER])('seed %s is accepted', (seed) => {
    expect(new RandomStreams(seed).seed).toBe(seed);
  });
});
