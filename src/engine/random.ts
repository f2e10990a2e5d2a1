import seedrandom from 'seedrandom';

/** A source of uniform random numbers in [0, 1). */
export interface RandomStream {
  /** Returns the next uniform draw in [0, 1). */
  next(): number;
}

/**
 * Named, independent random streams derived from one scenario seed. Each
 * stream is seeded from the seed and its name, so adding or changing one
 * component's draws leaves every other stream's sequence as it was.
 * Streams use seedrandom's Alea generator, which is fast and has a period
 * of about 2^116.
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`seed ${seed} must be a safe integer`);
    }
  }

  /** Returns the stream called `name`, creating it on first use. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      const prng = seedrandom.alea(`sim:${this.seed}:${name}`);
      stream = { next: () => prng() };
      this.streams.set(name, stream);
    }
    return stream;
  }
}
