import { constants } from 'node:os';
import type { RunResult } from '../workload/specmail2001/results.js';
import type { SpecmailModel } from '../workload/specmail2001/run-level.js';
import { runSpecmail, type SpecmailRunOptions } from '../workload/specmail2001/run.js';

/** Signals that stop a SPECmail2001 run and keep its finished levels. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Returns the exit status after `signal`: 128 plus the signal number, as
 * a shell reports a process that the signal ended (130 for SIGINT, 143
 * for SIGTERM).
 */
export function interruptStatus(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * A run stopped by a signal before any level finished. The CLI prints
 * `message` and exits with `exitStatus`.
 */
export class InterruptError extends Error {
  readonly exitStatus: number;

  constructor(signal: StopSignal) {
    super(`${signal} received before any level finished; there is nothing to report.`);
    this.name = 'InterruptError';
    this.exitStatus = interruptStatus(signal);
  }
}

/** A SPECmail2001 run that a signal may have stopped. */
export interface InterruptibleRun {
  /** The result, which lacks the levels in `missingLevels`. */
  result: RunResult;
  /** Requested levels that had not finished when the signal came, in percent. */
  missingLevels: number[];
  /** The signal that stopped the run, or undefined when every level finished. */
  signal: StopSignal | undefined;
}

/**
 * Runs a SPECmail2001 model with SIGINT and SIGTERM caught while the
 * levels run. The first signal stops the run and keeps the levels already
 * finished, and a second one ends the process at once. Raises
 * InterruptError when the signal came before any level finished.
 */
export async function runSpecmailInterruptibly(
  model: SpecmailModel,
  options: Omit<SpecmailRunOptions, 'signal'>,
): Promise<InterruptibleRun> {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (received !== undefined) process.exit(interruptStatus(signal));
    received = signal;
    const again = signal === 'SIGINT' ? 'Press Ctrl-C again' : `Send ${signal} again`;
    process.stderr.write(
      `sim: ${signal} received; stopping the run to report the levels that finished. ` +
        `${again} to quit at once.\n`,
    );
    controller.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  let result: RunResult;
  try {
    result = await runSpecmail(model, { ...options, signal: controller.signal });
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }

  const requested = options.levels ?? model.workload.levels;
  const finished = new Set(result.levels.map((level) => level.loadPct));
  const missingLevels = requested.filter((level) => !finished.has(level));
  // A signal that came after the last level finished left nothing out.
  if (received === undefined || missingLevels.length === 0) {
    return { result, missingLevels: [], signal: undefined };
  }
  if (result.levels.length === 0) throw new InterruptError(received);
  return { result, missingLevels, signal: received };
}
