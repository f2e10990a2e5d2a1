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
  { seed: 1, loadPct: 80, sha256: '6d769e84fd7f71fa479c035aa6ace0facd50722cb37fc4f59bea581cefe3b077' },
  { seed: 1, loadPct: 100, sha256: 'b4a766b28ce4cb01d971211f2e8e14286b6b2d7f076279916c2e790c623e803b' },
  { seed: 1, loadPct: 120, sha256: '547d888a0186f61c5eead8abfaec7970e6a2333a7531908f13da3b8715fb898e' },
  { seed: 7, loadPct: 120, sha256: '5333da08ff1ab392b31183fe6a828ef6f54b8d45a9788e7ffc7055fbfe539b55' },
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
