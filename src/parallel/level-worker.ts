import { parentPort } from 'node:worker_threads';
import { runSpecmailLevel, type SpecmailModel } from '../workload/specmail2001/run-level.js';

/** A level to run, as the pool posts it to a worker. */
export interface LevelJob {
  id: number;
  model: SpecmailModel;
  loadPct: number;
  seed: number;
}

// Runs each posted level and posts its progress and then its result back
// with the job's id. An error is posted as its message so the pool can
// report it.
parentPort?.on('message', (job: LevelJob) => {
  try {
    const onProgress = (share: number): void => parentPort?.postMessage({ id: job.id, progress: share });
    const result = runSpecmailLevel(job.model, job.loadPct, job.seed, onProgress);
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ id: job.id, error: message });
  }
});
