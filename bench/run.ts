/**
 * Benchmarks of sim: M/M/1 throughput against a bare heap-js loop and
 * SimPy, the full SPECmail2001 Intrastore run, scaling with the user
 * count, and queueing networks of growing size. Run it with `npm run bench` (or `npm run bench:smoke` for
 * the shortened run that CI uses). docs/benchmarks.md records results.
 *
 *   node --import tsx bench/run.ts [--quick] [--only mm1,specmail,scaling,network]
 *                                  [--repeat N] [--json FILE]
 *
 * SIM_BENCH_QUICK=1 is the same as --quick. Speed targets are printed as
 * met or not met but never fail the run, because the machine may be
 * shared. The run fails when a child process fails or when an M/M/1
 * result is off the exact mean response time.
 */
import { writeFileSync } from 'node:fs';
import { formatTable } from '../dist/report/table.js';
import { ChildError } from './child.js';
import { describeMachine } from './machine.js';
import { measureMm1, type Mm1Report } from './mm1.js';
import { measureNetwork, type NetworkRow } from './network.js';
import { measureScaling, measureSpecmail, type ScalingRow, type SpecmailRow } from './specmail.js';
import { judgeTargets } from './targets.js';

type Part = 'mm1' | 'specmail' | 'scaling' | 'network';
const PARTS: readonly Part[] = ['mm1', 'specmail', 'scaling', 'network'];

/** Command-line options of the benchmark. */
export interface BenchOptions {
  /** Shortens every part, for the CI smoke run. */
  quick: boolean;
  parts: Part[];
  /** Runs of each SPECmail2001 measurement; the fastest is kept. */
  repeat: number;
  jsonFile: string | undefined;
}

function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    quick: process.env.SIM_BENCH_QUICK === '1',
    parts: [...PARTS],
    repeat: 1,
    jsonFile: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--quick') {
      options.quick = true;
    } else if (argument === '--only') {
      options.parts = value()
        .split(',')
        .map((part) => {
          if (!(PARTS as readonly string[]).includes(part)) {
            throw new UsageError(`--only: unknown part "${part}"; choose from ${PARTS.join(', ')}`);
          }
          return part as Part;
        });
    } else if (argument === '--repeat') {
      const text = value();
      options.repeat = Number(text);
      if (!Number.isInteger(options.repeat) || options.repeat < 1) {
        throw new UsageError(`--repeat ${text}: give an integer >= 1`);
      }
    } else if (argument === '--json') {
      options.jsonFile = value();
    } else {
      throw new UsageError(`unknown option ${argument}; see the header of bench/run.ts`);
    }
  }
  return options;
}

class UsageError extends Error {}

function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function printMm1(report: Mm1Report): void {
  print(`M/M/1, rho = 0.8, ${count(report.customers)} customers; exact mean response time 5 s`);
  const rows = report.results.map((result) => [
    result.name,
    count(result.customersPerSecond),
    count(2 * result.customersPerSecond),
    fixed(result.meanResponse, 4),
    result.meanOk ? 'yes' : 'NO',
  ]);
  print(
    formatTable(
      ['implementation', 'customers/s', 'events/s', 'mean response s', 'within tolerance'],
      rows,
      ['left', 'right', 'right', 'right', 'left'],
    ),
  );
  print(`tolerance on the mean: ${fixed(100 * report.tolerance, 1)} %`);
  for (const note of report.notes) print(note);
  print(`sim / bare heap-js: ${fixed(report.simOverBare, 2)}`);
  print(`sim / SimPy:        ${fixed(report.simOverSimpy, 1)}`);
  print();
}

function printSpecmail(rows: SpecmailRow[]): void {
  print('SPECmail2001 Intrastore, levels 80, 100 and 120 %');
  print(
    formatTable(
      ['workers', 'wall s', 'CPU s', 'events', 'events/s', 'peak RSS MiB'],
      rows.map((row) => [
        String(row.workers),
        fixed(row.wallSeconds, 1),
        fixed(row.cpuSeconds, 1),
        count(row.events),
        count(row.events / row.wallSeconds),
        fixed(row.peakRssMiB, 0),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  print('CPU s is the user plus system time of all threads. With 2 workers, a wall time close to');
  print('the CPU time means that the levels did not run in parallel, as when other work held a core.');
  print();
}

function printScaling(title: string, rows: ScalingRow[]): void {
  print(title);
  print(
    formatTable(
      ['users', 'nodes', 'filer disks', 'wall s', 'events', 'events/user', 'events/s', 'peak RSS MiB', 'time/user', 'RSS/user'],
      rows.map((row) => [
        count(row.users),
        String(row.nodes),
        String(row.filerDisks),
        fixed(row.wallSeconds, 1),
        count(row.events),
        fixed(row.events / row.users, 1),
        count(row.events / row.wallSeconds),
        fixed(row.peakRssMiB, 0),
        fixed(row.timePerUserRelative, 2),
        fixed(row.rssPerUserRelative, 2),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  print('time/user and RSS/user are relative to the first row.');
  print();
}

function printNetwork(rows: NetworkRow[]): void {
  print('Tandem networks of M/M/1 stations, 10 s simulated');
  const first = rows[0];
  print(
    formatTable(
      ['stations', 'analyze s', 'analyze RSS MiB', 'run s', 'run RSS MiB', 'run time/station'],
      rows.map((row) => [
        count(row.stations),
        fixed(row.analyzeSeconds, 2),
        fixed(row.analyzeRssMiB, 0),
        fixed(row.runSeconds, 2),
        fixed(row.runRssMiB, 0),
        first === undefined ? '-' : fixed(row.runSeconds / row.stations / (first.runSeconds / first.stations), 2),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  print('run time/station is relative to the first row; Node.js start-up (about 0.3 s) is included.');
  print();
}

function main(argv: string[]): number {
  const options = parseOptions(argv);
  const machine = describeMachine();
  print(`sim benchmark${options.quick ? ' (quick)' : ''}, ${new Date().toISOString()}`);
  for (const line of machine.lines) print(line);
  print();

  let mm1: Mm1Report | undefined;
  let specmail: SpecmailRow[] | undefined;
  let scaling: { fixed: ScalingRow[]; grown: ScalingRow[] } | undefined;
  let network: NetworkRow[] | undefined;

  if (options.parts.includes('mm1')) {
    mm1 = measureMm1(options.quick);
    printMm1(mm1);
  }
  if (options.parts.includes('specmail')) {
    specmail = measureSpecmail(options);
    printSpecmail(specmail);
  }
  if (options.parts.includes('scaling')) {
    scaling = measureScaling(options);
    printScaling('Scaling, 100 % level, 1 worker, on the cluster of the scenario', scaling.fixed);
    printScaling('Scaling, 100 % level, 1 worker, 125,000 users per node, 2 filer disks per node', scaling.grown);
  }
  if (options.parts.includes('network')) {
    network = measureNetwork(options);
    printNetwork(network);
  }

  if (options.quick) {
    print('Quick run: shortened parts, so the targets are not judged.');
  } else {
    const series =
      scaling === undefined
        ? []
        : [
            { label: 'cluster grown with users', rows: scaling.grown },
            { label: 'scenario cluster', rows: scaling.fixed },
          ];
    const verdicts = judgeTargets(mm1, specmail, series);
    print('Targets');
    print(
      formatTable(
        ['target', 'measured', 'met'],
        verdicts.map((verdict) => [verdict.target, verdict.measured, verdict.met ? 'yes' : 'no']),
        ['left', 'right', 'left'],
      ),
    );
  }

  if (options.jsonFile !== undefined) {
    writeFileSync(options.jsonFile, `${JSON.stringify({ machine, options, mm1, specmail, scaling, network }, null, 2)}\n`);
  }

  const failed = mm1 !== undefined && !mm1.checksPassed;
  if (failed) print('FAILED: an M/M/1 result is off the exact mean response time; see above.');
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof ChildError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else {
    throw error;
  }
}
