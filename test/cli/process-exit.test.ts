import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The compiled build is needed here: the child runs bin/sim.js, which
// loads dist/, and the reference run uses the same worker threads.
import { runSpecmail } from '../../dist/workload/specmail2001/run.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const SMALL = 'test/fixtures/small-specmail.yaml';
const HAS_DEV_FULL = existsSync('/dev/full');
// At this measurement length one level of the small scenario takes about
// a second, long enough for a signal to arrive while the next one runs.
const LONG_DURATION = '100000';

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

// Resolves when the child's standard error has printed a line matching
// `pattern`.
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (!pattern.test(seen)) return;
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stderr?.on('data', onData);
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

  it('ignores a full stderr', async () => {
    const fd = openSync('/dev/full', 'w');
    const args = ['validate', SMALL, '--format', 'json'];
    const child = spawn(process.execPath, ['bin/sim.js', ...args], { stdio: ['ignore', 'pipe', fd] });
    closeSync(fd);

    const { status, stdout } = await finish(child);

    expect(status).toBe(0);
    expect(JSON.parse(stdout).failed).toBe(0);
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

describe('sim interrupted by SIGINT', () => {
  it('reports the finished level of run', { timeout: 30_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-int-')), 'partial.json');
    const args = ['run', SMALL, '--levels', '80,100', '--duration', LONG_DURATION, '--workers', '1'];
    const child = startSim([...args, '--format', 'json', '-o', file]);
    const finished = finish(child);
    // One worker runs the higher load first, so 100 % finishes first.
    await waitForLine(child, /^sim: level 100 % done after/m);
    child.kill('SIGINT');

    const { status, stderr } = await finished;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const { model } = loadScenario(SMALL);
    const reference = await runSpecmail(model, {
      scenario: 'reference',
      seed: 1,
      levels: [100],
      durationSeconds: Number(LONG_DURATION),
    });

    expect(status).toBe(130);
    expect(stderr).toContain('sim: SIGINT received; stopping the run');
    expect(report.partial).toEqual({ reason: 'interrupted', missingLevels: [80] });
    expect(report.levels).toHaveLength(1);
    expect(report.levels[0]).toEqual(reference.levels[0]);
  });

  it('marks the validate table as partial', { timeout: 30_000 }, async () => {
    const args = ['validate', SMALL, '--levels', '80,100', '--duration', LONG_DURATION, '--workers', '1'];
    const child = startSim(args);
    const finished = finish(child);
    await waitForLine(child, /^sim: level 100 % done after/m);
    child.kill('SIGINT');

    const { status, stdout } = await finished;

    const note = 'PARTIAL REPORT: the run was interrupted, and this report lacks the unfinished level 80 %.';
    expect(status).toBe(130);
    expect(stdout.split('\n')[0]).toBe(note);
    expect(stdout.endsWith(`\n${note}\n`)).toBe(true);
  });

  it('says when no level finished', { timeout: 30_000 }, async () => {
    const args = ['run', SMALL, '--levels', '80', '--duration', LONG_DURATION];
    const child = startSim(args);
    const finished = finish(child);
    await waitForLine(child, /^sim: running /m);
    // The handler is installed just after this line, and the level runs
    // for about a second more.
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGINT');

    const { status, stdout, stderr } = await finished;

    expect(status).toBe(130);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(-2)).toEqual([
      'sim: SIGINT received before any level finished; there is nothing to report.',
      '',
    ]);
  });
});
