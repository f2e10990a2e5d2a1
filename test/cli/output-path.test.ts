import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimError } from '../../src/errors.js';
import { checkOutputPath } from '../../src/cli/output-path.js';
import { captureOutput, output, sim } from './capture-output.js';

const SMALL = 'test/fixtures/small-specmail.yaml';

captureOutput();

// Copies the small scenario, its published result and its tolerances into
// a new folder, with absolute hardware-profile paths, and returns the
// scenario's path there. A test that fails then cannot damage the fixture.
function copySmallScenario(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sim-inputs-'));
  const profiles = resolve('hardware-profiles');
  const text = readFileSync(SMALL, 'utf8').replaceAll('../../hardware-profiles', profiles);
  writeFileSync(join(folder, 'small-specmail.yaml'), text);
  for (const name of ['small-specmail.published.yaml', 'small-specmail.tolerances.yaml']) {
    copyFileSync(join('test/fixtures', name), join(folder, name));
  }
  return join(folder, 'small-specmail.yaml');
}

describe('sim run --output checks before the run', () => {
  it('rejects a file as the folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sim-out-'));
    const notAFolder = join(folder, 'results');
    writeFileSync(notAFolder, '');

    const status = await sim('run', SMALL, '--levels', '80', '--duration', '30', '-o', join(notAFolder, 'run1.txt'));

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: --output ${notAFolder}/run1.txt: ${notAFolder} is a file, not a folder; ` +
        'choose a path inside a folder.\n',
    );
    expect(output.stdout).toBe('');
  });

  it('rejects a missing folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'missing');

    const status = await sim('run', SMALL, '--levels', '80', '-o', join(folder, 'run1.txt'));

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: --output ${folder}/run1.txt: cannot write to folder ${folder}; ` +
        'create it or choose another path.\n',
    );
  });

  it('rejects a trailing slash', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'new');

    const status = await sim('run', SMALL, '--levels', '80', '-o', `${folder}/`);

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: --output ${folder}/: names a folder; give a file name, such as ${folder}/report.txt.\n`,
    );
  });

  it('rejects an empty name', async () => {
    const status = await sim('run', SMALL, '--levels', '80', '-o', '');

    expect(status).toBe(2);
    expect(output.stderr).toBe('sim: --output needs a file name, such as report.txt.\n');
  });

  it('rejects a path that cannot be opened', async () => {
    if (!existsSync('/proc/self')) return;

    const status = await sim('run', SMALL, '--levels', '80', '-o', '/proc/report.txt');

    expect(status).toBe(2);
    expect(output.stderr).toMatch(
      /^sim: --output \/proc\/report\.txt: opening it for writing failed \(E[A-Z]+: .*\); choose another path\.\n$/,
    );
  });

  it('rejects the scenario itself and keeps it', async () => {
    const scenario = copySmallScenario();
    const before = readFileSync(scenario, 'utf8');

    const status = await sim('run', scenario, '--levels', '80', '--duration', '30', '-o', scenario);

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: --output ${scenario}: is the same file as the scenario ${scenario}, ` +
        'so the report would overwrite it. Give --output a new file name, such as report.txt.\n',
    );
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('rejects a link to the scenario', async () => {
    const scenario = copySmallScenario();
    const link = join(mkdtempSync(join(tmpdir(), 'sim-link-')), 'report.txt');
    symlinkSync(scenario, link);
    const before = readFileSync(scenario, 'utf8');

    const status = await sim('run', scenario, '--levels', '80', '--duration', '30', '-o', link);

    expect(status).toBe(2);
    expect(output.stderr).toContain(`is the same file as the scenario ${scenario}`);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('rejects the tolerances file', async () => {
    const scenario = copySmallScenario();
    const tolerances = scenario.replace(/\.yaml$/, '.tolerances.yaml');
    const before = readFileSync(tolerances, 'utf8');

    const status = await sim('run', scenario, '--levels', '80', '--duration', '30', '-o', tolerances);

    expect(status).toBe(2);
    // The loader names the tolerances file relative to the current folder.
    expect(output.stderr).toContain(
      `is the same file as the scenario's tolerances file ${relative(process.cwd(), tolerances)},`,
    );
    expect(readFileSync(tolerances, 'utf8')).toBe(before);
  });

  it('rejects a hardware profile', async () => {
    const profile = 'hardware-profiles/netapp-f820.yaml';
    const before = readFileSync(profile, 'utf8');

    const status = await sim('run', SMALL, '--levels', '80', '--duration', '30', '-o', profile);

    expect(status).toBe(2);
    expect(output.stderr).toContain(
      `is the same file as the scenario's hardware profile ${resolve(profile)},`,
    );
    expect(readFileSync(profile, 'utf8')).toBe(before);
  });
});

describe('checkOutputPath', () => {
  it('leaves no file behind for a new path', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'report.txt');

    checkOutputPath(file, []);

    expect(existsSync(file)).toBe(false);
  });

  it('keeps the content of an existing file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'report.txt');
    writeFileSync(file, 'an older report\n');

    checkOutputPath(file, []);

    expect(readFileSync(file, 'utf8')).toBe('an older report\n');
  });

  it('raises output-overwrites-input with its code', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'scenario.yaml');
    writeFileSync(file, 'kind: network\n');

    let error: unknown;
    try {
      checkOutputPath(file, [{ role: 'the scenario', path: file }]);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(SimError);
    expect((error as SimError).code).toBe('output-overwrites-input');
  });
});
