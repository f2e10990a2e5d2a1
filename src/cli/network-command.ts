import { SimError } from '../errors.js';
import { analyseNetwork } from '../network/analytic-match.js';
import { compareWithTheory } from '../network/compare.js';
import { loadNetworkScenario } from '../network/load-network.js';
import { runNetwork } from '../network/run-network.js';
import { formatTheoryJson, formatTheoryText } from '../report/network-analysis-report.js';
import { formatNetworkJson, formatNetworkText } from '../report/network-report.js';
import { writeReport, writeStdout } from './output.js';
import { checkOutputPath } from './output-path.js';
import { readScenarioKind } from './scenario-kind.js';
import { progressLog } from './progress.js';

/** Options of `sim run` that apply to network scenarios. */
export interface NetworkRunOptions {
  seed?: number;
  duration?: number;
  format: 'text' | 'json';
  set: string[];
  output?: string;
  quiet?: boolean;
  trace?: number;
}

/** Options of `sim analyze`. */
export interface AnalyzeOptions {
  format: 'text' | 'json';
  set: string[];
}

/**
 * Runs `sim run` on a network scenario: simulates every replication,
 * computes the exact results that apply, and writes both side by side.
 * `--duration` sets the measured seconds of each replication.
 */
export async function runNetworkCommand(file: string, options: NetworkRunOptions): Promise<void> {
  const sets =
    options.duration === undefined ? options.set : [...options.set, `duration=${options.duration}`];
  const { model } = loadNetworkScenario(file, { overrides: sets });
  if (options.output !== undefined) {
    checkOutputPath(options.output, [{ role: 'the scenario', path: file }]);
  }
  const log = progressLog(options.quiet);
  const seed = options.seed ?? model.seed;

  log(`sim: running ${file} with seed ${seed}`);
  const theory = analyseNetwork(model);
  const result = runOrNameFile(file, () =>
    runNetwork(model, {
      seed,
      trace: options.trace ?? 0,
      onReplication: (replication, wallSeconds) =>
        log(
          `sim: replication ${replication} of ${model.replications} done after ${wallSeconds.toFixed(1)} s`,
        ),
    }),
  );
  const comparison = compareWithTheory(model, result, theory);

  const report =
    options.format === 'json'
      ? formatNetworkJson(model, result, comparison, theory, sets)
      : formatNetworkText(model, result, comparison, theory, sets);
  await writeReport(report, options.output, log);
}

// Errors raised while running know the model but not its file.
function runOrNameFile<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SimError) throw new SimError(error.code, `${file}: ${error.message}`);
    throw error;
  }
}

/** Runs `sim analyze`: prints the exact results of a network scenario without simulating. */
export async function analyzeCommand(file: string, options: AnalyzeOptions): Promise<void> {
  const kind = readScenarioKind(file, options.set);
  if (kind !== 'network') {
    throw new SimError(
      'analyze-unsupported',
      `${file} is a ${kind} scenario; sim analyze gives exact results for network scenarios ` +
        '(kind: network) only. Use sim run or sim validate for it.',
    );
  }
  const { model } = loadNetworkScenario(file, { overrides: options.set });
  const theory = analyseNetwork(model);
  const report =
    options.format === 'json'
      ? formatTheoryJson(model, theory, options.set)
      : formatTheoryText(model, theory, options.set);
  await writeStdout(report);
}
