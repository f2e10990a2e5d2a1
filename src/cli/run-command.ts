import { availableParallelism } from 'node:os';
import { SimError } from '../errors.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { interruptStatus, runSpecmailInterruptibly } from './interrupt.js';
import { runNetworkCommand } from './network-command.js';
import { writeReport } from './output.js';
import { checkOutputPath } from './output-path.js';
import { readScenarioKind } from './scenario-kind.js';
import { specmailInputFiles } from './scenario-inputs.js';
import { formatSpecmailReport, type SpecmailReportFormat } from './specmail-report.js';
import { progressLog, progressLogger } from './progress.js';

/** Options of `sim run`, as commander parses them. */
export interface RunCommandOptions {
  seed?: number;
  levels?: number[];
  duration?: number;
  format: SpecmailReportFormat;
  set: string[];
  output?: string;
  quiet?: boolean;
  workers?: number;
  /** Events to trace; network scenarios only. */
  trace?: number;
}

/**
 * Runs `sim run`: reads the scenario's kind, then loads it, checks the
 * --output path, runs it and writes the report to standard output or the
 * --output file. Progress goes to standard error so that the report stays
 * clean for pipes. Returns the exit status: 0, or 128 plus the signal
 * number when a signal stopped the run after some levels finished, whose
 * partial report is written as usual.
 */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const kind = readScenarioKind(file, options.set);
  if (kind === 'network') {
    if (options.levels !== undefined) {
      throw new SimError(
        'option-unsupported',
        `--levels: ${file} is a network scenario, which has no load levels; ` +
          'change arrival rates with --set classes.<class>.arrivalRate=<rate> instead.',
      );
    }
    if (options.workers !== undefined) {
      throw new SimError(
        'option-unsupported',
        `--workers: ${file} is a network scenario, whose replications run one after ` +
          'another in one thread; remove --workers.',
      );
    }
    if (options.format === 'html') {
      throw new SimError(
        'option-unsupported',
        `--format html: ${file} is a network scenario; the HTML report is available for ` +
          'SPECmail2001 scenarios only. Use --format text or --format json.',
      );
    }
    await runNetworkCommand(file, { ...options, format: options.format });
    return 0;
  }
  if (options.trace !== undefined) {
    throw new SimError(
      'trace-unsupported',
      `--trace: ${file} is a ${kind} scenario; tracing is available for network scenarios ` +
        '(kind: network) only. Remove --trace.',
    );
  }

  const loaded = loadScenario(file, { overrides: options.set });
  if (options.output !== undefined) checkOutputPath(options.output, specmailInputFiles(loaded));
  const seed = options.seed ?? loaded.scenario.seed;
  const log = progressLog(options.quiet);

  log(`sim: running ${file} with seed ${seed}`);
  const run = await runSpecmailInterruptibly(loaded.model, {
    scenario: loaded.scenario.name,
    seed,
    overrides: options.set,
    levels: options.levels,
    durationSeconds: options.duration,
    workers: options.workers ?? availableParallelism(),
    onProgress: progressLogger(log),
    onLevel: (level, wallSeconds) => {
      log(
        `sim: level ${level.loadPct} % done after ${wallSeconds.toFixed(1)} s ` +
          `(${level.eventsFired.toLocaleString('en-US')} events)`,
      );
      const sessions = level.functions['SMTP Connect'].attempts + level.functions['POP Connect'].attempts;
      if (sessions === 0) {
        process.stderr.write(
          `sim: warning: level ${level.loadPct} % measured no session; its percentages read n/a. ` +
            'Give a longer --duration or a larger workload.ratingMpm.\n',
        );
      }
    },
  });

  const workload = loaded.model.workload;
  const report = formatSpecmailReport(options.format, run.result, workload, run.missingLevels);
  await writeReport(report, options.output, log);
  return run.signal === undefined ? 0 : interruptStatus(run.signal);
}
