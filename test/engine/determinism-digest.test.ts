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
  { seed: 1, loadPct: 80, sha256: 'f17c97ea6184611fba466361b4416342d04138179e503257ba718fb6719c4da8' },
  { seed: 1, loadPct: 100, sha256: 'a9440900d73cdcdaec052de4ba96b04abd27490196407e9c6d7a519974283d3f' },
  { seed: 1, loadPct: 120, sha256: '50b42d7ceebf0e4b06afaeaa2928ea66620d9c6e847e35c6726b92450500f258' },
  { seed: 7, loadPct: 120, sha256: 'bf32061cc24ad209229c27a05f8438f80535618afd60e2ce85f9db9d4bd8d4e6' },
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
