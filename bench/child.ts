/**
 * Runs each measurement in a child process of its own, so that no run
 * inherits another's JIT state or heap, and reports its wall time and
 * peak resident set size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Outcome of one child process that exited with status 0. */
export interface ChildRun {
  stdout: string;
  /** Wall time from spawn to exit, in seconds. */
  wallSeconds: number;
  /** Peak resident set size in MiB; NaN when the child did not report it. */
  peakRssMiB: number;
  /** User plus system CPU time in seconds; NaN when the child did not report it. */
  cpuSeconds: number;
}

const USAGE_PRELOAD = pathToFileURL(new URL('./write-usage.mjs', import.meta.url).pathname).href;

/** Raised when a child process fails; the message carries its stderr. */
export class ChildError extends Error {}

/**
 * Runs `command args` to completion and returns its output and wall time.
 * Raises ChildError when it cannot start or exits with a non-zero status.
 */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildRun {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, {
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const commandLine = [command, ...args].join(' ');
  if (child.error !== undefined) {
    throw new ChildError(`failed to start ${commandLine}: ${child.error.message}`);
  }
  if (child.status !== 0) {
    const reason = child.status === null ? `signal ${child.signal}` : `status ${child.status}`;
    throw new ChildError(`${commandLine} exited with ${reason}:\n${child.stderr.trim()}`);
  }
  return { stdout: child.stdout, wallSeconds, peakRssMiB: NaN, cpuSeconds: NaN };
}

/**
 * Runs a Node.js script in a child with the usage preload and returns
 * its output, wall time, peak RSS and CPU time (from
 * process.resourceUsage(), worker threads included).
 */
export function runNodeChild(script: string, args: string[], nodeOptions: string[] = []): ChildRun {
  const folder = mkdtempSync(join(tmpdir(), 'sim-bench-'));
  const usageFile = join(folder, 'usage.json');
  try {
    const env = { ...process.env, SIM_BENCH_USAGE_FILE: usageFile };
    const run = runChild(process.execPath, [...nodeOptions, '--import', USAGE_PRELOAD, script, ...args], env);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    return { ...run, peakRssMiB: usage.maxRSS / 1024, cpuSeconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs `measure` `times` times and keeps the run with the least wall time. */
export function fastestOf<T extends { seconds: number }>(times: number, measure: () => T): T {
  let best = measure();
  for (let i = 1; i < times; i++) {
    const next = measure();
    if (next.seconds < best.seconds) best = next;
  }
  return best;
}
