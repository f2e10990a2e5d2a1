import { runLevelsInWorkers, workersAvailable } from '../../parallel/run-levels.js';
import type { RunResult, LevelResult } from './results.js';
import { runSpecmailLevel, type SpecmailModel } from './run-level.js';

/** Options of a SPECmail2001 run: seed, levels, duration and workers. */
export interface SpecmailRunOptions {
  /** Name of the scenario, copied into the result. */
  scenario: string;
  seed: number;
  /** `--set` overrides applied to the scenario, copied into the result. */
  overrides?: readonly string[];
  /** Load levels in percent; the model's levels when omitted. */
  levels?: number[];
  /** Measurement phase per level in seconds; the model's when omitted. */
  durationSeconds?: number;
  /**
   * Worker threads to run levels on in parallel; 1 (the default) runs
   * them in this thread, unless `signal` is given. The results are the
   * same either way.
   */
  workers?: number;
  /** Called after each level, with the wall time since the run began. */
  onLevel?: (level: LevelResult, wallSeconds: number) => void;
  /**
   * Called as a level runs, with its load, the share of its simulated time
   * done (0 to 1) and the wall time since the run began.
   */
  onProgress?: (loadPct: number, share: number, wallSeconds: number) => void;
  /**
   * Stops the run when aborted: levels still running are abandoned, and
   * the result contains only the levels finished before then. With a signal,
   * levels run on worker threads even when `workers` is 1, so that this
   * thread stays free to see the abort while a level runs.
   */
  signal?: AbortSignal;
}

/**
 * Runs every requested load level of a SPECmail2001 model, each from an
 * empty event calendar with the same seed, so that the levels share
 * random numbers (common random numbers) and a level's result does not
 * depend on which other levels ran or on how many workers ran them.
 * After an abort of `options.signal`, `levels` of the result lacks the
 * levels that had not finished.
 */
export async function runSpecmail(
  model: SpecmailModel,
  options: SpecmailRunOptions,
): Promise<RunResult> {
  const duration = options.durationSeconds ?? model.workload.phases.measurement;
  const levelModel: SpecmailModel = {
    cluster: model.cluster,
    workload: {
      ...model.workload,
      phases: { ...model.workload.phases, measurement: duration },
    },
  };

  const loads = options.levels ?? model.workload.levels;
  const started = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  const workers = options.workers ?? 1;
  const { signal } = options;
  const parallel = workers > 1 && loads.length > 1;

  let levels: LevelResult[];
  if ((parallel || signal !== undefined) && workersAvailable()) {
    levels = await runLevelsInWorkers(
      levelModel,
      loads,
      options.seed,
      workers,
      (level) => options.onLevel?.(level, elapsed()),
      signal,
      (loadPct, share) => options.onProgress?.(loadPct, share, elapsed()),
    );
  } else {
    levels = [];
    for (const loadPct of loads) {
      if (signal?.aborted === true) break;
      const onProgress =
        options.onProgress === undefined
          ? undefined
          : (share: number) => options.onProgress?.(loadPct, share, elapsed());
      const level = runSpecmailLevel(levelModel, loadPct, options.seed, onProgress);
      levels.push(level);
      options.onLevel?.(level, elapsed());
      // A level blocks this thread, so an abort can only arrive between
      // levels, when the event loop gets a turn.
      if (signal !== undefined) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    scenario: options.scenario,
    seed: options.seed,
    overrides: [...(options.overrides ?? [])],
    durationSeconds: duration,
    levels,
  };
}
