import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { captureOutput, output, sim } from './capture-output.js';

const SMALL = 'test/fixtures/small-specmail.yaml';
const REFERENCE = 'test/fixtures/small-specmail.published.yaml';

captureOutput();

/** Writes a copy of the reference with POP Status at 100 % set to 50 %. */
function wrongReference(): string {
  const reference = parse(readFileSync(REFERENCE, 'utf8'));
  reference.summary_compliance_pct['POP Status'].pct[1] = 50;
  const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'wrong.published.yaml');
  writeFileSync(file, stringify(reference));
  return file;
}

/** Writes a copy of the tolerances with the first rule limited to level 85. */
function tolerancesForLevel85(): string {
  const tolerances = parse(readFileSync('test/fixtures/small-specmail.tolerances.yaml', 'utf8'));
  tolerances.rules[0].levels = [85];
  const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'level85.tolerances.yaml');
  writeFileSync(file, stringify(tolerances));
  return file;
}

/** Writes a copy of the reference rated at 2,500 messages per minute. */
function referenceRatedAt2500(): string {
  const reference = parse(readFileSync(REFERENCE, 'utf8'));
  reference.rating_mpm = 2500;
  const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'rated.published.yaml');
  writeFileSync(file, stringify(reference));
  return file;
}

describe('sim validate', () => {
  it('passes against its own reference', async () => {
    const status = await sim('validate', SMALL, '-q');
    expect(status).toBe(0);
    expect(output.stdout).toMatch(/^Level\s+Measure\s+Line\s+Simulated\s+Published\s+Difference\s+Tolerance\s+Result$/m);
    expect(output.stdout).toMatch(/^ 100%\s+summary %\s+POP Status\s+100\s+100\s+0\s+±0\.5\s+PASS$/m);
    expect(output.stdout).toMatch(
      /^PASS: \d+ lines pass, 0 fail \(scenario Small SPECmail2001 cluster for tests, seed 1, measurement 300 s per level\)$/m,
    );
  });

  it('fails a wrong reference with status 1', async () => {
    const status = await sim('validate', SMALL, '-q', '--set', `reference=${wrongReference()}`);
    expect(status).toBe(1);
    expect(output.stdout).toMatch(/^ 100%\s+summary %\s+POP Status\s+100\s+50\s+\+50\s+±0\.5\s+FAIL$/m);
    expect(output.stdout).toMatch(/^FAIL: \d+ lines pass, 1 fail \(.*, --set reference=.*wrong\.published\.yaml\)$/m);
  });

  it('gives the table as JSON', async () => {
    const status = await sim('validate', SMALL, '-q', '--format', 'json', '--levels', '80');
    const validation = JSON.parse(output.stdout);
    expect(status).toBe(0);
    expect(validation.failed).toBe(0);
    expect(validation.overrides).toEqual([]);
    expect(validation.durationSeconds).toBe(300);
    expect(validation.rows[0]).toEqual({
      loadPct: 80,
      measure: 'summary',
      line: 'SMTP Connect',
      simulated: 100,
      published: 100,
      difference: 0,
      tolerance: '±0.5',
      verdict: 'PASS',
    });
  });

  it('rejects a level the reference lacks', async () => {
    const status = await sim('validate', SMALL, '-q', '--levels', '90');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: test/fixtures/small-specmail.published.yaml: has no level 90; validate only the ' +
        'levels it publishes (80, 100, 120) with --levels.\n',
    );
  });

  it('rejects a scenario without reference', async () => {
    const status = await sim('validate', 'scenarios/specmail2001-intrastore.yaml', '-q', '--set', 'reference=');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: scenarios/specmail2001-intrastore.yaml: no published result to validate against; ' +
        'add "reference: <file>" and "tolerances: <file>" (paths beside the scenario) to the scenario.\n',
    );
  });

  it('rejects a rule for an unpublished level', async () => {
    const file = tolerancesForLevel85();
    const status = await sim('validate', SMALL, '-q', '--set', `tolerances=${file}`);
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${relative('.', file)}: rules[0].levels: level 85 is not in the published result (80, 100, 120); ` +
        'use those levels or remove it.\n',
    );
  });

  it('warns about a different rating', async () => {
    const file = referenceRatedAt2500();
    await sim('validate', SMALL, '-q', '--levels', '80', '--set', `reference=${file}`);
    expect(output.stderr).toContain(
      `sim: warning: the scenario is rated at 25 messages per minute but ${relative('.', file)} at 2500, ` +
        'so attempt counts and times will not match.\n',
    );
  });
});
