/**
 * The SPECmail2001 parts of the benchmark: the full Intrastore scenario
 * through the `sim` command, and the 100 % level at 125,000 to 1,000,000
 * users. Each run is a child process timed from spawn to exit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fastestOf, runNodeChild } from './child.js';
import type { BenchOptions } from './run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'sim.js');
const SCENARIO = join(ROOT, 'scenarios', 'specmail2001-intrastore.yaml');
const FILER_PROFILE = join(ROOT, 'hardware-profiles', 'netapp-f820.yaml');

/** Users per node when the cluster grows with the users. */
const USERS_PER_NODE = 125_000;
/** Filer data disks per node when the cluster grows with the users. */
const FILER_DISKS_PER_NODE = 2;
const SCALING_USERS = [125_000, 250_000, 500_000, 1_000_000];
/** Users at the 100 % level per message per minute of rating (SPECmail2001). */
const USERS_PER_MPM = 200;

/**
 * Options that shorten every level for the quick run: 2 minutes of
 * warm-up, 1 of measurement and 1 of ramp-down instead of 20, 60 and 5.
 */
const QUICK_ARGUMENTS = [
  '--duration',
  '60',
  '--set',
  'workload.phases.warmupSeconds=120',
  '--set',
  'workload.phases.rampUpSeconds=60',
  '--set',
  'workload.phases.rampDownSeconds=60',
];

/** One run of the full scenario. */
export interface SpecmailRow {
  workers: number;
  wallSeconds: number;
  /** eventsFired summed over the levels. */
  events: number;
  peakRssMiB: number;
  /** CPU time of all threads, in seconds. */
  cpuSeconds: number;
}

/** One run of the scaling part. */
export interface ScalingRow {
  users: number;
  nodes: number;
  filerDisks: number;
  wallSeconds: number;
  events: number;
  peakRssMiB: number;
  /** Wall time per user over that of the first row. */
  timePerUserRelative: number;
  /** Peak RSS per user over that of the first row. */
  rssPerUserRelative: number;
}

interface ScenarioRun {
  seconds: number;
  peakRssMiB: number;
  cpuSeconds: number;
  events: number;
  users: number[];
}

interface JsonReport {
  levels: { users: number; eventsFired: number }[];
}

function runScenario(extraArguments: string[], repeat: number): ScenarioRun {
  const args = ['run', SCENARIO, '--format', 'json', '-q', ...extraArguments];
  return fastestOf(repeat, () => {
    const run = runNodeChild(CLI, args);
    const report = JSON.parse(run.stdout) as JsonReport;
    if (report.levels.length === 0) throw new Error(`sim ${args.join(' ')} reported no level`);
    return {
      seconds: run.wallSeconds,
      peakRssMiB: run.peakRssMiB,
      cpuSeconds: run.cpuSeconds,
      events: report.levels.reduce((sum, level) => sum + level.eventsFired, 0),
      users: report.levels.map((level) => level.users),
    };
  });
}

/** Runs the full three-level scenario on 1 and on 2 worker threads. */
export function measureSpecmail(options: BenchOptions): SpecmailRow[] {
  const shorten = options.quick ? QUICK_ARGUMENTS : [];
  return [1, 2].map((workers) => {
    const run = runScenario(['--workers', String(workers), ...shorten], options.repeat);
    return {
      workers,
      wallSeconds: run.seconds,
      events: run.events,
      peakRssMiB: run.peakRssMiB,
      cpuSeconds: run.cpuSeconds,
    };
  });
}

/** Reads the node count of the scenario and the filer's data disks. */
function scenarioCluster(): { nodes: number; filerDisks: number } {
  const scenario = parse(readFileSync(SCENARIO, 'utf8')) as { cluster: { nodes: { count: number } } };
  const filer = parse(readFileSync(FILER_PROFILE, 'utf8')) as { dataDisks: number };
  return { nodes: scenario.cluster.nodes.count, filerDisks: filer.dataDisks };
}

/** Writes a copy of the scenario's filer profile with `disks` data disks. */
function writeFilerProfile(folder: string, disks: number): string {
  const original = readFileSync(FILER_PROFILE, 'utf8');
  const text = original.replace(/^dataDisks:.*$/m, `dataDisks: ${disks}`);
  if (text === original && !original.includes(`dataDisks: ${disks}\n`)) {
    throw new Error(`${FILER_PROFILE}: no top-level dataDisks line to change`);
  }
  const file = join(folder, `filer-${disks}-disks.yaml`);
  writeFileSync(file, text);
  return file;
}

function scalingSeries(
  options: BenchOptions,
  cluster: (users: number) => { nodes: number; filerDisks: number; arguments: string[] },
): ScalingRow[] {
  const shorten = options.quick ? QUICK_ARGUMENTS : [];
  const rows: ScalingRow[] = [];
  for (const users of SCALING_USERS) {
    const shape = cluster(users);
    const run = runScenario(
      [
        '--workers',
        '1',
        '--levels',
        '100',
        '--set',
        `workload.ratingMpm=${users / USERS_PER_MPM}`,
        ...shape.arguments,
        ...shorten,
      ],
      options.repeat,
    );
    if (run.users[0] !== users) throw new Error(`expected ${users} users, the run reported ${run.users[0]}`);

    const first = rows[0];
    rows.push({
      users,
      nodes: shape.nodes,
      filerDisks: shape.filerDisks,
      wallSeconds: run.seconds,
      events: run.events,
      peakRssMiB: run.peakRssMiB,
      timePerUserRelative: first === undefined ? 1 : run.seconds / users / (first.wallSeconds / first.users),
      rssPerUserRelative: first === undefined ? 1 : run.peakRssMiB / users / (first.peakRssMiB / first.users),
    });
  }
  return rows;
}

/**
 * Runs the 100 % level at each user count on two clusters. The
 * scenario's own cluster is overloaded above 500,000 users. The grown
 * cluster has one node per 125,000 users and two filer data disks per
 * node, so every resource keeps its utilisation and only the model's
 * size changes.
 */
export function measureScaling(options: BenchOptions): { fixed: ScalingRow[]; grown: ScalingRow[] } {
  const scenario = scenarioCluster();
  const fixed = scalingSeries(options, () => ({ ...scenario, arguments: [] }));

  const folder = mkdtempSync(join(tmpdir(), 'sim-bench-filer-'));
  try {
    const grown = scalingSeries(options, (users) => {
      const nodes = users / USERS_PER_NODE;
      const filerDisks = FILER_DISKS_PER_NODE * nodes;
      return {
        nodes,
        filerDisks,
        arguments: [
          '--set',
          `cluster.nodes.count=${nodes}`,
          '--set',
          `cluster.filer.hardware=${writeFilerProfile(folder, filerDisks)}`,
        ],
      };
    });
    return { fixed, grown };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
