import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUMMARY_LINES } from '../../src/workload/specmail2001/functions.js';
import type { RunResult } from '../../src/workload/specmail2001/results.js';
import { embeddedJsonText, summaryCell } from '../report/html-page.js';
import { captureOutput, output, sim } from './capture-output.js';

const SMALL = 'test/fixtures/small-specmail.yaml';
const RUN = ['run', SMALL, '--levels', '80,120', '--duration', '60', '-q'];

captureOutput();

describe('sim run --format html', () => {
  it('embeds the record of --format json', async () => {
    expect(await sim(...RUN, '--format', 'json')).toBe(0);
    const json = JSON.parse(output.stdout) as RunResult;
    output.stdout = '';
    expect(await sim(...RUN, '--format', 'html')).toBe(0);
    const page = output.stdout;

    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(JSON.parse(embeddedJsonText(page))).toEqual(json);
    for (const level of json.levels) {
      for (const line of SUMMARY_LINES) {
        // JSON writes the NaN of a line without attempts as null.
        let expected = level.summaryPass[line] ? 'pass' : 'fail';
        if (level.summary[line] === null) expected = 'na';
        const cell = summaryCell(page, line, level.loadPct);
        expect(cell.verdict, `${line} at ${level.loadPct}%`).toBe(expected);
      }
    }
  });

  it('writes the page to --output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'report.html');
    const status = await sim(...RUN, '--format', 'html', '-o', file);
    const page = readFileSync(file, 'utf8');

    expect(status).toBe(0);
    expect(output.stdout).toBe('');
    expect(page).toContain('<h1>SPECmail2001 result (simulated): Small SPECmail2001 cluster for tests</h1>');
    expect(page).not.toMatch(/<script[^>]*\ssrc=/i);
  });

  it('keeps a --set name with </script> inside', async () => {
    const name = 'x</script><script>alert(1)</script>';
    const status = await sim(...RUN, '--format', 'html', '--set', `name=${name}`);
    const record = JSON.parse(embeddedJsonText(output.stdout)) as RunResult;

    expect(status).toBe(0);
    expect(record.scenario).toBe(name);
    expect(record.overrides).toEqual([`name=${name}`]);
    expect(output.stdout).not.toContain('<script>alert(1)');
  });

  it('rejects a network scenario', async () => {
    const status = await sim('run', 'scenarios/teaching/hockey-stick.yaml', '--format', 'html', '-q');
    expect(status).toBe(2);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe(
      'sim: --format html: scenarios/teaching/hockey-stick.yaml is a network scenario; the HTML ' +
        'report is available for SPECmail2001 scenarios only. Use --format text or --format json.\n',
    );
  });
});
