import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The child runs bin/sim.js, which loads the compiled build in dist/.
const SMALL = 'test/fixtures/small-specmail.yaml';
const HAS_DEV_FULL = existsSync('/dev/full');

/** Output and exit status of a finished `sim` child process. */
interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Standard output of the child: a pipe, or a file descriptor to hand it. */
type StdoutTarget = 'pipe' | number;

function startSim(args: string[], stdout: StdoutTarget = 'pipe'): ChildProcess {
  return spawn(process.execPath, ['bin/sim.js', ...args], { stdio: ['ignore', stdout, 'pipe'] });
}

function finish(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function runWithStdoutOn(path: string, args: string[]): Promise<Finished> {
  const fd = openSync(path, 'w');
  const child = startSim(args, fd);
  closeSync(fd);
  return finish(child);
}

describe('sim writing to a closed pipe', () => {
  it('ends run quietly', async () => {
    const child = startSim(['run', SMALL, '--levels', '80', '--duration', '30', '--format', 'html', '-q']);
    child.stdout?.destroy();

    const { status, stderr } = await finish(child);

    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('ends analyze quietly', async () => {
    const child = startSim(['analyze', 'scenarios/teaching/hockey-stick.yaml']);
    child.stdout?.destroy();

    const { status, stderr } = await finish(child);

    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe.skipIf(!HAS_DEV_FULL)('sim writing to a full device', () => {
  const message = 'sim: writing to standard output failed: ENOSPC: no space left on device, write.\n';

  it('exits 74 from validate', async () => {
    const { status, stderr } = await runWithStdoutOn('/dev/full', ['validate', SMALL, '-q']);

    expect(stderr).toBe(message);
    expect(status).toBe(74);
  });

  it('exits 74 from run', async () => {
    const args = ['run', SMALL, '--levels', '80', '--duration', '30', '-q'];
    const { status, stderr } = await runWithStdoutOn('/dev/full', args);

    expect(stderr).toBe(message);
    expect(status).toBe(74);
  });

  it('puts an unwritable report on stdout', async () => {
    const args = ['run', SMALL, '--levels', '80', '--duration', '30', '--format', 'json', '-q', '-o', '/dev/full'];
    const { status, stdout, stderr } = await finish(startSim(args));

    expect(stderr).toBe(
      'sim: writing the report to --output /dev/full failed: ENOSPC: no space left on device, ' +
        'write; the report was written to standard output instead.\n',
    );
    expect(status).toBe(74);
    expect(JSON.parse(stdout).levels.map((level: { loadPct: number }) => level.loadPct)).toEqual([80]);
  });
});
