import { availableParallelism } from 'node:os';
import { SimError } from '../errors.js';
import { partialMarker } from '../report/json-report.js';
import { partialReportNote } from '../report/text-report.js';
import { formatValidationReport } from '../report/validation-report.js';
import { loadYamlFile } from '../scenario/load-yaml.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { publishedResultSchema, tolerancesSchema } from '../scenario/reference-schema.js';
import { validateRun, type Validation } from '../validation/compare.js';
import { interruptStatus, runSpecmailInterruptibly } from './interrupt.js';
import { writeStdout } from './output.js';
import type { RunCommandOptions } from './run-command.js';
import { readScenarioKind } from './scenario-kind.js';
import { progressLog, progressLogger } from './progress.js';

/** Exit status of `sim validate` when some line fails its tolerance. */
export const EXIT_VALIDATION_FAILED = 1;

// Formats the comparison, with the partial marker of the run report when
// levels are missing. In text the note comes first and last, because a
// reader may look at the verdict line alone.
function formatValidation(
  validation: Validation,
  format: RunCommandOptions['format'],
  missingLevels: readonly number[],
): string {
  const partial = missingLevels.length > 0;
  if (format === 'json') {
    const record = partial ? { partial: partialMarker(missingLevels), ...validation } : validation;
    return `${JSON.stringify(record, null, 2)}\n`;
  }
  const table = formatValidationReport(validation);
  if (!partial) return table;
  const note = partialReportNote(missingLevels);
  return `${note}\n${table}${note}\n`;
}

/**
 * Runs `sim validate`: runs the scenario, compares it with the published
 * result and tolerances the scenario names, and prints the table.
 * Returns 0 when every line passes and 1 when any fails. When a signal
 * stopped the run after some levels finished, the table covers those
 * levels and is marked as partial, and the status is 128 plus the signal
 * number.
 */
export async function validateCommand(
  file: string,
  options: Omit<RunCommandOptions, 'output'>,
): Promise<number> {
  if (readScenarioKind(file, options.set) === 'network') {
    throw new SimError(
      'validate-unsupported',
      `${file}: sim validate compares SPECmail2001 runs with published results; a network scenario ` +
        'has none. Run it with sim run, which compares every figure with its exact value.',
    );
  }
  const loaded = loadScenario(file, { overrides: options.set });
  const { referenceFile, tolerancesFile } = loaded;
  if (referenceFile === undefined || tolerancesFile === undefined) {
    throw new SimError(
      'reference-missing',
      `${file}: no published result to validate against; add "reference: <file>" and ` +
        '"tolerances: <file>" (paths beside the scenario) to the scenario.',
    );
  }
  const published = loadYamlFile(referenceFile, publishedResultSchema, {
    documentName: `published result (reference of ${file})`,
  });
  const tolerances = loadYamlFile(tolerancesFile, tolerancesSchema, {
    documentName: `tolerances (tolerances of ${file})`,
  });

  const levels = options.levels ?? loaded.model.workload.levels;
  const missing = levels.filter((level) => published.levels[String(level)] === undefined);
  if (missing.length > 0) {
    throw new SimError(
      'reference-level-missing',
      `${referenceFile}: has no level ${missing.join(', ')}; validate only the levels it ` +
        `publishes (${Object.keys(published.levels).join(', ')}) with --levels.`,
    );
  }

  // A rule for a level the published result lacks would never match, so
  // its checks would be dropped without a word.
  const publishedLevels = Object.keys(published.levels).map(Number);
  tolerances.rules.forEach((rule, i) => {
    const unknown = (rule.levels ?? []).find((level) => !publishedLevels.includes(level));
    if (unknown === undefined) return;
    throw new SimError(
      'tolerance-level-unknown',
      `${tolerancesFile}: rules[${i}].levels: level ${unknown} is not in the published result ` +
        `(${publishedLevels.join(', ')}); use those levels or remove it.`,
    );
  });

  const rating = loaded.model.workload.ratingMpm;
  if (published.rating_mpm !== rating) {
    process.stderr.write(
      `sim: warning: the scenario is rated at ${rating} messages per minute but ${referenceFile} ` +
        `at ${published.rating_mpm}, so attempt counts and times will not match.\n`,
    );
  }

  if (options.duration !== undefined && options.duration !== loaded.model.workload.phases.measurement) {
    process.stderr.write(
      `sim: warning: --duration ${options.duration} measures ${options.duration} s per level, ` +
        'but the published attempt counts are for the scenario\'s measurement phase, ' +
        'so attempt lines will not match.\n',
    );
  }

  const seed = options.seed ?? loaded.scenario.seed;
  const log = progressLog(options.quiet);
  log(`sim: validating ${file} with seed ${seed} against ${referenceFile}`);
  const run = await runSpecmailInterruptibly(loaded.model, {
    scenario: loaded.scenario.name,
    seed,
    overrides: options.set,
    levels,
    durationSeconds: options.duration,
    workers: options.workers ?? availableParallelism(),
    onProgress: progressLogger(log),
    onLevel: (level, wallSeconds) =>
      log(`sim: level ${level.loadPct} % done after ${wallSeconds.toFixed(1)} s`),
  });

  const validation = validateRun(run.result, published, tolerances);
  await writeStdout(formatValidation(validation, options.format, run.missingLevels));
  if (run.signal !== undefined) return interruptStatus(run.signal);
  return validation.failed === 0 ? 0 : EXIT_VALIDATION_FAILED;
}
