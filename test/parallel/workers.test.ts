import { describe, expect, it } from 'vitest';
// The compiled build is needed here: worker threads load dist/ JavaScript.
import { runSpecmail } from '../../dist/workload/specmail2001/run.js';
import { workersAvailable } from '../../dist/parallel/run-levels.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

describe('levels on worker threads', () => {
  const { model } = loadScenario('test/fixtures/small-specmail.yaml');
  const options = { scenario: 'small', seed: 5, levels: [80, 100, 120], durationSeconds: 120 };

  it('finds the compiled worker entry', () => {
    expect(workersAvailable()).toBe(true);
  });

  it('gives the same results as one thread', async () => {
    const serial = await runSpecmail(model, { ...options, workers: 1 });
    const parallel = await runSpecmail(model, { ...options, workers: 2 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it('keeps the order of the levels', async () => {
    const parallel = await runSpecmail(model, { ...options, workers: 3 });
    expect(parallel.levels.map((level) => level.loadPct)).toEqual([80, 100, 120]);
  });

  it('reports progress from the workers', async () => {
    const shares = new Map<number, number[]>();
    const onProgress = (loadPct: number, share: number): void => {
      shares.set(loadPct, [...(shares.get(loadPct) ?? []), share]);
    };
    const withProgress = await runSpecmail(model, { ...options, workers: 2, onProgress });
    const without = await runSpecmail(model, { ...options, workers: 2 });
    expect(JSON.stringify(withProgress)).toBe(JSON.stringify(without));
    expect([...shares.keys()].sort()).toEqual([100, 120, 80]);
    for (const list of shares.values()) {
      expect(list.at(-1)).toBe(1);
      expect(list.every((share, i) => i === 0 || share >= list[i - 1]!)).toBe(true);
    }
  });
});
