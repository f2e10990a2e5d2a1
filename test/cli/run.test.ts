import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput, output, sim } from './capture-output.js';

const SMALL = 'test/fixtures/small-specmail.yaml';
const BAD = 'test/fixtures/bad-specmail.yaml';

captureOutput();

describe('sim run', () => {
  it('writes the JSON shape of a result page', async () => {
    const status = await sim('run', SMALL, '--levels', '100', '--duration', '60', '--format', 'json', '--quiet');
    const result = JSON.parse(output.stdout);

    expect(status).toBe(0);
    expect(result.seed).toBe(1);
    expect(result.levels.map((level: { loadPct: number }) => level.loadPct)).toEqual([100]);
    expect(Object.keys(result.levels[0].summary)).toEqual([
      'SMTP Connect',
      'SMTP Data',
      'POP Connect',
      'POP Status',
      'POP Retrieve',
      'POP Delete',
      'Delivery Time',
      'Error Rate',
    ]);
    expect(Object.keys(result.levels[0].functions['POP Status'])).toEqual(['attempts', 'passes', 'pct']);
    expect(Object.keys(result.levels[0].timesMs['POP User ID'])).toEqual(['min', 'max', 'avg']);
  });

  it('prints byte-identical JSON for one seed', async () => {
    await sim('run', SMALL, '--levels', '80', '--duration', '60', '--format', 'json', '--seed', '9', '-q');
    const first = output.stdout;
    output.stdout = '';
    await sim('run', SMALL, '--levels', '80', '--duration', '60', '--format', 'json', '--seed', '9', '-q');
    expect(output.stdout).toBe(first);
  });

  it('prints the summary table as text', async () => {
    await sim('run', SMALL, '--levels', '80,120', '--duration', '60', '-q');
    expect(output.stdout).toContain('Summary Results');
    expect(output.stdout).toMatch(/^Function\s+Limit\s+Required\s+80%\s+120%$/m);
    expect(output.stdout).toContain('Detailed Results -- 120% Load');
  });

  it('writes the report to --output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'report.json');
    const status = await sim('run', SMALL, '--levels', '80', '--duration', '30', '--format', 'json', '-o', file, '-q');
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).levels).toHaveLength(1);
  });

  it('applies --set before validation', async () => {
    const status = await sim('run', SMALL, '--set', 'software.pop.threads=0', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: test/fixtures/small-specmail.yaml: 1 problem in scenario:\n' +
        '  --set software.pop.threads=0: software.pop.threads: too small, got 0; ' +
        'expected a number at least 1.\n',
    );
  });
});

describe('sim run errors', () => {
  it('lists every schema problem with its line', async () => {
    const status = await sim('run', BAD, '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      [
        'sim: test/fixtures/bad-specmail.yaml: 4 problems in scenario:',
        '  test/fixtures/bad-specmail.yaml:4:16: workload.levels[1]: too small, got -5; expected a number greater than 0.',
        '  test/fixtures/bad-specmail.yaml:11:13: cluster.balancer.policy: invalid value, got "least-connections"; expected one of "least-connection", "round-robin", "random". Did you mean "least-connection"?',
        '  test/fixtures/bad-specmail.yaml:40:3: software.pop.threads: missing required key; add "threads" with a number under software.pop.',
        '  test/fixtures/bad-specmail.yaml:43:5: software.pop.thread: unknown key; did you mean "threads"? Allowed keys here: maxConnections, acceptBacklog, threads, queueDiscipline, connect, user, pass, stat, retr, retrCpuMsPerKb, dele, quit.',
        '',
      ].join('\n'),
    );
  });

  it('names a missing scenario file', async () => {
    const status = await sim('run', 'scenarios/nope.yaml', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toMatch(/^sim: scenarios\/nope\.yaml: scenario file not found \(resolved to .*nope\.yaml\); check the path and the current directory\.\n$/);
  });

  it('rejects a bad seed', async () => {
    const status = await sim('run', SMALL, '--seed', 'abc');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got "abc"; give a whole number');
  });

  it('rejects a bad level list', async () => {
    const status = await sim('run', SMALL, '--levels', '80,,120');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got "" in "80,,120"');
  });

  it('rejects a repeated level', async () => {
    const status = await sim('run', SMALL, '--levels', '100,100');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got 100 twice in "100,100"; give each level once.');
  });

  it('gives null times without attempts', async () => {
    const status = await sim('run', SMALL, '-q', '--levels', '100', '--duration', '0.001', '--format', 'json');
    const level = JSON.parse(output.stdout).levels[0];
    expect(status).toBe(0);
    expect(level.functions['POP Connect']).toEqual({ attempts: 0, passes: 0, pct: null });
    expect(level.timesMs['POP Connect']).toEqual({ min: null, max: null, avg: null });
  });

  it('prints n/a times without attempts', async () => {
    await sim('run', SMALL, '-q', '--levels', '100', '--duration', '0.001');
    expect(output.stdout).toMatch(/^POP Connect\s+n\/a\s+n\/a\s+n\/a$/m);
  });

  it('rejects a hexadecimal duration', async () => {
    const status = await sim('run', SMALL, '--duration', '0x10');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got "0x10"; give a number of seconds above 0, such as 3600.');
  });

  it('rejects a duration over 11.6 days', async () => {
    const status = await sim('run', SMALL, '--duration', '1e12');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got "1e12"; give at most 1000000 seconds (about 11.6 days)');
  });

  it('rejects an unknown format', async () => {
    const status = await sim('run', SMALL, '--format', 'xml');
    expect(status).toBe(2);
    expect(output.stderr).toContain("Allowed choices are text, json");
  });

  it('rejects an output folder that does not exist', async () => {
    const status = await sim('run', SMALL, '-o', '/nonexistent-folder/report.txt');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: --output /nonexistent-folder/report.txt: cannot write to folder /nonexistent-folder; ' +
        'create it or choose another path.\n',
    );
  });

  it('rejects a profile of the wrong kind', async () => {
    const status = await sim('run', SMALL, '--set', 'cluster.nodes.hardware=../../hardware-profiles/netapp-f820.yaml', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toContain(
      'cluster.nodes.hardware: "../../hardware-profiles/netapp-f820.yaml" is a filer profile',
    );
  });

  it('names a hardware profile that does not exist', async () => {
    const status = await sim('run', SMALL, '--set', 'cluster.nodes.hardware=dl999', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toMatch(/server profile "dl999" not found in .*hardware-profiles/);
  });
});
