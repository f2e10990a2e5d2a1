/**
 * The network part of the benchmark: tandem queueing networks of growing
 * size through `sim analyze` and `sim run`, each a child process timed
 * from spawn to exit. It shows whether loading, solving the traffic
 * equations and simulating stay close to linear in the station count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastestOf, runNodeChild } from './child.js';
import type { BenchOptions } from './run.js';

const CLI = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'sim.js');
const STATIONS = [250, 500, 1000, 2000];
const QUICK_STATIONS = [50, 100];

/** One network size, measured with `sim analyze` and `sim run`. */
export interface NetworkRow {
  stations: number;
  analyzeSeconds: number;
  analyzeRssMiB: number;
  runSeconds: number;
  runRssMiB: number;
}

// A tandem of M/M/1 stations at utilisation 0.1, simulated for 10 s after
// the default warm-up: small enough that the work grows with the network's
// size, not with its traffic.
function tandemScenario(stations: number): string {
  const lines = ['name: tandem benchmark', 'kind: network', 'duration: 10', 'stations:'];
  for (let i = 0; i < stations; i++) lines.push(`  s${i}: {service: {type: exponential, mean: 1}}`);
  lines.push('classes:', '  jobs:', '    arrivalRate: 0.1', '    start: s0', '    routing:');
  for (let i = 0; i + 1 < stations; i++) lines.push(`      s${i}: {s${i + 1}: 1}`);
  return `${lines.join('\n')}\n`;
}

function timed(command: string, file: string, repeat: number): { seconds: number; rssMiB: number } {
  return fastestOf(repeat, () => {
    const run = runNodeChild(CLI, [command, file, '--format', 'json', ...(command === 'run' ? ['-q'] : [])]);
    JSON.parse(run.stdout);
    return { seconds: run.wallSeconds, rssMiB: run.peakRssMiB };
  });
}

/** Runs `sim analyze` and `sim run` on tandems of each size. */
export function measureNetwork(options: BenchOptions): NetworkRow[] {
  const folder = mkdtempSync(join(tmpdir(), 'sim-bench-network-'));
  try {
    return (options.quick ? QUICK_STATIONS : STATIONS).map((stations) => {
      const file = join(folder, `tandem-${stations}.yaml`);
      writeFileSync(file, tandemScenario(stations));
      const analyze = timed('analyze', file, options.repeat);
      const run = timed('run', file, options.repeat);
      return {
        stations,
        analyzeSeconds: analyze.seconds,
        analyzeRssMiB: analyze.rssMiB,
        runSeconds: run.seconds,
        runRssMiB: run.rssMiB,
      };
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
