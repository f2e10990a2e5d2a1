import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runSpecmailLevel } from '../../src/workload/specmail2001/run-level.js';

/**
 * SHA-256 digests of JSON.stringify(LevelResult) for the small scenario,
 * recorded before the engine and resources were tuned for speed. A speed
 * change must leave every digest as it is. A change to the model, the
 * workload or the result format changes them on purpose: then check the
 * new results and record the new digests.
 */
const RECORDED: readonly { seed: number; loadPct: number; sha256: string }[] = [
  { seed: 1, loadPct: 80, sha256: '30b769e024eb5b37a4e6434d649bf45b26806de478cbe3336654b61c9804eafa' },
  { seed: 1, loadPct: 100, sha256: '1d15c7cf43a1c50010fdbaebd916a0f1069c16327fa9e391c8b6b3491e092795' },
  { seed: 1, loadPct: 120, sha256: 'b2c67a8e6b362c6e14f7e1252013bdcd12767e5b1d592463c52195ac646fd2da' },
  { seed: 7, loadPct: 120, sha256: 'eb988962d3bb2cfc16fb26192b4db89b4ed8b5ddca9ea8d7b9d89eb4a7cf513b' },
];

describe('small scenario digest', () => {
  const { model } = loadScenario('test/fixtures/small-specmail.yaml');

  for (const { seed, loadPct, sha256 } of RECORDED) {
    it(`matches at ${loadPct} % with seed ${seed}`, () => {
      const result = runSpecmailLevel(model, loadPct, seed);
      const digest = createHash('sha256').update(JSON.stringify(result)).digest('hex');
      expect(digest).toBe(sha256);
    });
  }
});
