import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadScenario } from '../../src/scenario/load-scenario.js';
import { scenarioErrorOf as errorOf } from './scenario-error.js';

const SMALL = 'test/fixtures/small-specmail.yaml';

/**
 * Writes a copy of the small test scenario into a new folder, with its
 * hardware profiles named by absolute path and `reference:` replaced.
 */
function copyScenario(reference: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'sim-load-'));
  const text = readFileSync(SMALL, 'utf8')
    .replaceAll('../../hardware-profiles/', `${resolve('hardware-profiles')}/`)
    .replace('reference: small-specmail.published.yaml', `reference: ${reference}`)
    .replace('tolerances: small-specmail.tolerances.yaml', 'tolerances: t.yaml');
  writeFileSync(join(folder, 't.yaml'), 'rules: [{measure: summary, absolute: 1}]\n');
  const file = join(folder, 'mail.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadScenario overrides', () => {
  it('sets lists, maps and bracket items', () => {
    const loaded = loadScenario(SMALL, {
      overrides: [
        'workload.levels=[50, 60]',
        'software.pop.connect={cpuMs: 2}',
        'cluster.network.synRetryDelaysSeconds[1]=7',
      ],
    });

    expect(loaded.model.workload.levels).toEqual([50, 60]);
    expect(loaded.model.cluster.pop.connect).toEqual({
      cpu: 0.002,
      diskWrites: 0,
      filerReads: 0,
      filerWrites: 0,
      directoryLookups: 0,
      externalWait: 0,
    });
    expect(loaded.model.cluster.network.synRetryDelays).toEqual([3, 7, 12]);
  });

  it('keeps dot index form', () => {
    const loaded = loadScenario(SMALL, { overrides: ['workload.levels.2=130'] });

    expect(loaded.model.workload.levels).toEqual([80, 100, 130]);
  });

  it('places a bracket-path profile at the option', () => {
    const error = errorOf(() =>
      loadScenario(SMALL, { overrides: ['cluster["nodes"].hardware=dl999'] }),
    );

    expect(error.code).toBe('profile-not-found');
    expect(error.problems[0]?.override).toBe('cluster["nodes"].hardware=dl999');
    expect(error.message).toMatch(
      /^test\/fixtures\/small-specmail\.yaml: 1 problem in scenario:\n {2}--set cluster\["nodes"\]\.hardware=dl999: cluster\.nodes\.hardware: server profile "dl999" not found in /,
    );
  });

  it('shows the resolved path of a missing profile file', () => {
    const error = errorOf(() =>
      loadScenario(SMALL, {
        overrides: ['cluster.nodes.hardware=../hardware-profiles/missing.yaml'],
      }),
    );
    const folder = resolve('test/fixtures');

    expect(error.message).toBe(
      'test/fixtures/small-specmail.yaml: 1 problem in scenario:\n' +
        '  --set cluster.nodes.hardware=../hardware-profiles/missing.yaml: ' +
        'cluster.nodes.hardware: server profile file not found, got ' +
        '"../hardware-profiles/missing.yaml" (resolved to ' +
        `${resolve('test/hardware-profiles/missing.yaml')}); check the path, ` +
        `which is relative to the scenario's folder ${folder}.`,
    );
  });
});

describe('loadScenario named files', () => {
  it('reports a missing reference at its line', () => {
    const file = copyScenario('nope.published.yaml');
    const folder = resolve(file, '..');

    const error = errorOf(() => loadScenario(file));

    expect(error.code).toBe('reference-missing');
    expect(error.message).toBe(
      `${file}: 1 problem in scenario:\n` +
        `  ${file}:5:12: reference: published result not found, got ` +
        `"nope.published.yaml" (resolved to ${folder}/nope.published.yaml); ` +
        `check the path, which is relative to the scenario's folder ${folder}.`,
    );
  });

  it('reports a reference folder at its line', () => {
    const file = copyScenario('results');
    const folder = resolve(file, '..');
    mkdirSync(join(folder, 'results'));

    const error = errorOf(() => loadScenario(file));

    expect(error.code).toBe('reference-missing');
    expect(error.message).toBe(
      `${file}: 1 problem in scenario:\n` +
        `  ${file}:5:12: reference: published result must be a file, got ` +
        `"results", a directory (${folder}/results); give the path of the ` +
        `file in it, relative to the scenario's folder ${folder}.`,
    );
  });

  it('places a tolerances set by option there', () => {
    const file = copyScenario('t.yaml');

    const error = errorOf(() =>
      loadScenario(file, { overrides: ['tolerances=none.yaml'] }),
    );

    expect(error.problems[0]?.override).toBe('tolerances=none.yaml');
    expect(error.problems[0]?.path).toEqual(['tolerances']);
  });

  it('returns both files relative to here', () => {
    const loaded = loadScenario(SMALL);

    expect(loaded.referenceFile).toBe('test/fixtures/small-specmail.published.yaml');
    expect(loaded.tolerancesFile).toBe('test/fixtures/small-specmail.tolerances.yaml');
  });
});
