import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';

/** The machine a benchmark ran on, as printed and stored with results. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  lines: string[];
}

function osName(): string {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease);
    if (pretty?.[1] !== undefined) return `${pretty[1]}, Linux ${release()}`;
  } catch {
    // Not Linux or no os-release: fall back to the kernel release alone.
  }
  return `${process.platform} ${release()}`;
}

/** Reads the CPU model, core count, memory, Node.js version and OS. */
export function describeMachine(): MachineDescription {
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown';
  const cores = availableParallelism();
  const memoryGiB = totalmem() / 2 ** 30;
  const node = process.version;
  const os = osName();
  return {
    cpuModel,
    cores,
    memoryGiB,
    node,
    os,
    lines: [
      `CPU: ${cpuModel}, ${cores} cores available, ${memoryGiB.toFixed(0)} GiB memory`,
      `Node.js ${node} on ${os}`,
    ],
  };
}
