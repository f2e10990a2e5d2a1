import type { RunResult, LevelResult } from './results.js';
import { runSpecmailLevel, type SpecmailModel } from './run-level.js';

/** What to run of a SPECmail2001 model. */
export interface SpecmailRunOptions {
  /** Name of the scenario, copied into the result. */
  scenario: string;
  seed: number;
  /** Load levels in percent; the model's levels when omitted. */
  levels?: number[];
  /** Measurement phase per level in seconds; the model's when omitted. */
  durationSeconds?: number;
  /** Called after each level, for progress output. */
  onLevel?: (level: LevelResult, wallSeconds: number) => void;
}

/**
 * Runs every requested load level of a SPECmail2001 model, one after
 * another, each from an empty event calendar with the same seed, so that
 * the levels share random numbers (common random numbers) and a level's
 * result does not depend on which other levels ran.
 */
export function runSpecmail(model: SpecmailModel, options: SpecmailRunOptions): RunResult {
  const duration = options.durationSeconds ?? model.workload.phases.measurement;
  const levelModel: SpecmailModel = {
    cluster: model.cluster,
    workload: {
      ...model.workload,
      phases: { ...model.workload.phases, measurement: duration },
    },
  };

  const levels: LevelResult[] = [];
  for (const loadPct of options.levels ?? model.workload.levels) {
    const started = process.hrtime.bigint();
    const level = runSpecmailLevel(levelModel, loadPct, options.seed);
    levels.push(level);
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    options.onLevel?.(level, wallSeconds);
  }

  return { scenario: options.scenario, seed: options.seed, durationSeconds: duration, levels };
}
