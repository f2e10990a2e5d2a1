import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LevelResult } from '../workload/specmail2001/results.js';
import type { SpecmailModel } from '../workload/specmail2001/run-level.js';
import type { LevelJob } from './level-worker.js';

interface WorkerReply {
  id: number;
  /** Share of the level's simulated time done, while it runs. */
  progress?: number;
  result?: LevelResult;
  error?: string;
}

const WORKER_ENTRY = new URL('./level-worker.js', import.meta.url);

/**
 * True when the compiled worker entry exists. It does not when the
 * TypeScript sources run directly (as under vitest); callers then run the
 * levels in this thread.
 */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_ENTRY));
}

/**
 * Runs load levels on `workers` worker threads and returns the results
 * in the order of `levels`. Each level is a pure job (model, level,
 * seed), so the results are identical to running them one after another
 * in this thread. `onLevel` is called as each level finishes, in
 * completion order, and `onProgress` with the level and the share of its
 * simulated time done as it runs. When `signal` aborts, the workers are terminated in
 * the middle of their levels and only the levels finished before then
 * are returned, still in the order of `levels`.
 */
export async function runLevelsInWorkers(
  model: SpecmailModel,
  levels: readonly number[],
  seed: number,
  workers: number,
  onLevel?: (level: LevelResult) => void,
  signal?: AbortSignal,
  onProgress?: (loadPct: number, share: number) => void,
): Promise<LevelResult[]> {
  const count = Math.max(1, Math.min(workers, levels.length));
  const pool = Array.from({ length: count }, () => new Worker(WORKER_ENTRY));
  const results: (LevelResult | undefined)[] = new Array(levels.length);
  // Higher loads fire more events, so they start first: the longest jobs
  // then overlap, and the shorter ones fill in after them.
  const order = levels.map((_, index) => index).sort((a, b) => levels[b]! - levels[a]! || a - b);
  let next = 0;
  const removeListeners: (() => void)[] = [];

  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const post = (): void => {
              if (signal?.aborted === true || next >= order.length) return resolve();
              const id = order[next] as number;
              const job: LevelJob = { id, model, loadPct: levels[id] as number, seed };
              next++;
              worker.postMessage(job);
            };
            worker.on('message', (reply: WorkerReply) => {
              // A level that finishes after the abort is dropped, so the
              // result contains exactly the levels reported through onLevel.
              if (signal?.aborted === true) return;
              if (reply.progress !== undefined) {
                onProgress?.(levels[reply.id] as number, reply.progress);
                return;
              }
              if (reply.error !== undefined || reply.result === undefined) {
                reject(new Error(`level ${levels[reply.id]} failed in a worker: ${reply.error}`));
                return;
              }
              results[reply.id] = reply.result;
              onLevel?.(reply.result);
              post();
            });
            worker.on('error', reject);
            const onAbort = (): void => resolve();
            signal?.addEventListener('abort', onAbort, { once: true });
            removeListeners.push(() => signal?.removeEventListener('abort', onAbort));
            post();
          }),
      ),
    );
  } finally {
    for (const remove of removeListeners) remove();
    await Promise.all(pool.map((worker) => worker.terminate()));
  }

  return results.filter((result): result is LevelResult => result !== undefined);
}
