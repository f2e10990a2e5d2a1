/**
 * Prints the self time of each function in a V8 CPU profile, the file
 * that `node --cpu-prof` writes, largest first.
 *
 *   node --import tsx bench/profile-summary.ts FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  /** Node id of each sample. */
  samples: number[];
  /** Microseconds from the previous sample to this one. */
  timeDeltas: number[];
}

/** Self time of one function, summed over every node that runs it. */
interface FunctionTime {
  label: string;
  microseconds: number;
}

function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName === '' ? '(anonymous)' : functionName;
  if (url === '') return name;
  const file = url.startsWith('file://') ? relative(process.cwd(), new URL(url).pathname) : url;
  // lineNumber is 0-based in V8 profiles.
  return `${name}  ${file}:${lineNumber + 1}`;
}

/** Sums each sample's time onto the function that was on top of the stack. */
export function selfTimes(profile: CpuProfile): FunctionTime[] {
  const labels = new Map<number, string>();
  for (const node of profile.nodes) labels.set(node.id, labelOf(node));

  const totals = new Map<string, number>();
  profile.samples.forEach((nodeId, i) => {
    // The delta before sample i is the time that sample i stands for.
    const delta = profile.timeDeltas[i] ?? 0;
    const label = labels.get(nodeId) ?? `(node ${nodeId})`;
    totals.set(label, (totals.get(label) ?? 0) + delta);
  });

  return [...totals]
    .map(([label, microseconds]) => ({ label, microseconds }))
    .sort((a, b) => b.microseconds - a.microseconds);
}

function main(argv: string[]): void {
  const [file, topArgument] = argv;
  if (file === undefined) {
    process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [TOP]\n');
    process.exitCode = 2;
    return;
  }
  const top = topArgument === undefined ? 30 : Number(topArgument);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const times = selfTimes(profile);
  const total = times.reduce((sum, entry) => sum + entry.microseconds, 0);

  process.stdout.write(`total sampled time ${(total / 1e6).toFixed(2)} s\n`);
  process.stdout.write('   self ms  share  function\n');
  for (const { label, microseconds } of times.slice(0, top)) {
    const ms = (microseconds / 1000).toFixed(0).padStart(9);
    const share = `${((100 * microseconds) / total).toFixed(1)}%`.padStart(6);
    process.stdout.write(`${ms} ${share}  ${label}\n`);
  }
}

main(process.argv.slice(2));
