import { describe, expect, it } from 'vitest';
import {
  erlang,
  hyperexponential,
  hyperexponentialPhases,
  lognormal,
  type MomentDistribution,
} from '../../src/engine/distributions-extra.js';
import { RandomStreams } from '../../src/engine/random.js';

const SAMPLES = 200_000;

interface Moments {
  mean: number;
  scv: number;
}

function sampleMoments(distribution: MomentDistribution, seed: number): Moments {
  const stream = new RandomStreams(seed).stream('samples');
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const value = distribution.sample(stream);
    sum += value;
    sumSquares += value * value;
  }

  const mean = sum / SAMPLES;
  const variance = sumSquares / SAMPLES - mean * mean;
  return { mean, scv: variance / (mean * mean) };
}

// The standard error of the sample mean is sqrt(scv) * mean / sqrt(n). The
// SCV estimate converges more slowly for heavy tails, so its tolerance is wider.
const CASES: [string, MomentDistribution, number][] = [
  ['erlang-4', erlang(4, 2), 0.02],
  ['erlang-1', erlang(1, 0.5), 0.03],
  ['h2 scv 4', hyperexponential(1, 4), 0.1],
  ['h2 scv 1', hyperexponential(3, 1), 0.03],
  ['lognormal scv 0.5', lognormal(2, 0.5), 0.05],
  ['lognormal scv 2', lognormal(1, 2), 0.15],
];

describe('moment distributions', () => {
  it.each(CASES)('%s sample mean', (_name, distribution) => {
    const moments = sampleMoments(distribution, 5);
    const standardError = (Math.sqrt(distribution.scv) * distribution.mean) / Math.sqrt(SAMPLES);
    expect(Math.abs(moments.mean - distribution.mean)).toBeLessThan(4 * standardError);
  });

  it.each(CASES)('%s sample scv', (_name, distribution, relativeTolerance) => {
    const moments = sampleMoments(distribution, 6);
    expect(Math.abs(moments.scv - distribution.scv)).toBeLessThan(
      relativeTolerance * distribution.scv,
    );
  });
});

describe('hyperexponentialPhases', () => {
  it('balances the means of the phases', () => {
    const phases = hyperexponentialPhases(2, 5);
    expect(phases.probability / phases.rate1).toBeCloseTo(1, 12);
    expect((1 - phases.probability) / phases.rate2).toBeCloseTo(1, 12);
  });

  it('gives the requested scv', () => {
    const { probability: p, rate1, rate2 } = hyperexponentialPhases(2, 5);
    const secondMoment = (2 * p) / rate1 ** 2 + (2 * (1 - p)) / rate2 ** 2;
    expect(secondMoment / 4 - 1).toBeCloseTo(5, 12);
  });
});

describe('moment distribution inputs', () => {
  it('rejects erlang k 0', () => {
    expect(() => erlang(0, 1)).toThrow('erlang: k 0 must be an integer of at least 1');
  });

  it('rejects h2 scv below 1', () => {
    expect(() => hyperexponential(1, 0.5)).toThrow(
      'hyperexponential: scv 0.5 must be a finite number of at least 1',
    );
  });

  it('rejects lognormal mean 0', () => {
    expect(() => lognormal(0, 1)).toThrow('lognormal: mean 0 must be a finite number above 0');
  });
});
