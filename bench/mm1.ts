/**
 * The M/M/1 part of the benchmark: the same queue (rho = 0.8) in sim,
 * in a bare heap-js loop and in SimPy, each in a child process that
 * times its own event loop.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fastestOf, runChild } from './child.js';

/** Exact mean response time of M/M/1 with lambda 0.8 and mu 1: 1 / (mu - lambda). */
const EXACT_MEAN_RESPONSE = 5;

/**
 * Allowed relative error of the mean response time at 1,000,000
 * customers. Over seeds 1 to 10 the 1,000,000-customer mean had a
 * standard deviation of 0.044 s (0.9 %), so 4 % is about 4.5 of them. The error
 * shrinks as 1 / sqrt(customers), so shorter runs get a wider band.
 */
const TOLERANCE_AT_ONE_MILLION = 0.04;

const SEED = 1;

/** One implementation's M/M/1 run. */
export interface Mm1Result {
  name: string;
  customersPerSecond: number;
  /** Time spent in the event loop, in seconds. */
  seconds: number;
  meanResponse: number;
  /** True when the mean response time is within the tolerance of 5 s. */
  meanOk: boolean;
}

/** Results of the M/M/1 part. */
export interface Mm1Report {
  customers: number;
  /** Allowed relative error of each mean response time. */
  tolerance: number;
  results: Mm1Result[];
  simOverBare: number;
  /** NaN when SimPy is not installed. */
  simOverSimpy: number;
  notes: string[];
  /** False when a mean is out of tolerance or sim and bare disagree. */
  checksPassed: boolean;
}

interface ChildOutput {
  customers: number;
  seconds: number;
  meanResponse: number;
}

function benchFile(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

function parseOutput(stdout: string): ChildOutput {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as ChildOutput;
}

function toResult(name: string, output: ChildOutput, tolerance: number): Mm1Result {
  const error = Math.abs(output.meanResponse - EXACT_MEAN_RESPONSE) / EXACT_MEAN_RESPONSE;
  return {
    name,
    customersPerSecond: output.customers / output.seconds,
    seconds: output.seconds,
    meanResponse: output.meanResponse,
    meanOk: error <= tolerance,
  };
}

function measureNode(script: string, customers: number, times: number): ChildOutput {
  return fastestOf(times, () =>
    parseOutput(runChild(process.execPath, ['--import', 'tsx', benchFile(script), String(customers), String(SEED)]).stdout),
  );
}

/**
 * Returns the first Python interpreter that can import simpy, or
 * undefined. Debian's python3-simpy3 installs for /usr/bin/python3,
 * which is not always the `python3` on PATH, so both are tried after
 * SIM_BENCH_PYTHON.
 */
function findSimpyPython(): { python: string | undefined; tried: string[] } {
  const candidates = [process.env.SIM_BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  for (const python of candidates) {
    // An empty folder named simpy imports as a namespace package, so also
    // ask for the class the benchmark uses.
    const probe = spawnSync(python, ['-c', 'import simpy; simpy.Environment'], { stdio: 'ignore' });
    if (probe.status === 0) return { python, tried: candidates };
  }
  return { python: undefined, tried: candidates };
}

/** Runs the M/M/1 part: 1,000,000 customers, or 200,000 when `quick`. */
export function measureMm1(quick: boolean): Mm1Report {
  const customers = quick ? 200_000 : 1_000_000;
  const tolerance = TOLERANCE_AT_ONE_MILLION * Math.sqrt(1_000_000 / customers);
  const notes: string[] = [];

  // The engine runs take well under a second, so the fastest of three
  // damps noise from other work on the machine.
  const sim = measureNode('mm1-sim.ts', customers, 3);
  const bare = measureNode('mm1-bare.ts', customers, 3);
  const results = [toResult('sim (Simulator, dist/)', sim, tolerance), toResult('bare heap-js loop', bare, tolerance)];

  // Both draw from the same Alea streams, so equal work gives equal means.
  const sameWork = sim.meanResponse === bare.meanResponse && sim.customers === bare.customers;
  if (!sameWork) {
    notes.push(`sim and bare disagree: mean ${sim.meanResponse} against ${bare.meanResponse}; they should be equal`);
  }

  const { python, tried } = findSimpyPython();
  let simOverSimpy = NaN;
  if (python === undefined) {
    notes.push(
      `SimPy: skipped, because simpy.Environment could not be imported with ${tried.join(' and ')}. ` +
        'Install it with apt-get install python3-simpy3.',
    );
  } else {
    const simpy = fastestOf(quick ? 1 : 2, () =>
      parseOutput(runChild(python, [benchFile('mm1_simpy.py'), String(customers), String(SEED)]).stdout),
    );
    const result = toResult(`SimPy (${python})`, simpy, tolerance);
    results.push(result);
    simOverSimpy = (results[0] as Mm1Result).customersPerSecond / result.customersPerSecond;
  }

  const simOverBare = (results[0] as Mm1Result).customersPerSecond / (results[1] as Mm1Result).customersPerSecond;
  return {
    customers,
    tolerance,
    results,
    simOverBare,
    simOverSimpy,
    notes,
    checksPassed: sameWork && results.every((result) => result.meanOk),
  };
}
