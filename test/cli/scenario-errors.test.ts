import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput, output, sim } from './capture-output.js';

const SMALL = 'test/fixtures/small-specmail.yaml';
const REFERENCE = 'test/fixtures/small-specmail.published.yaml';
const TOLERANCES = 'test/fixtures/small-specmail.tolerances.yaml';

captureOutput();

/** Writes `content` to a new file named `name` and returns its path. */
function writeTemporary(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-cli-')), name);
  writeFileSync(file, content);
  return file;
}

/** Returns the line number (1-based) of the first line that starts with `prefix`. */
function lineOf(text: string, prefix: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= from && line.startsWith(prefix));
  return index + 1;
}

describe('sim validate with misspelt names', () => {
  it('rejects a misspelt function name', async () => {
    const text = readFileSync(REFERENCE, 'utf8');
    const levels = lineOf(text, 'levels:');
    const line = lineOf(text, '      POP Retrieve:', levels);
    const lines = text.split('\n');
    lines[line - 1] = '      POP Retreive:';
    const file = writeTemporary('misspelt.published.yaml', lines.join('\n'));
    const displayPath = relative(process.cwd(), file);

    const status = await sim('validate', SMALL, '-q', '--set', `reference=${file}`);

    expect(status).toBe(2);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe(
      `sim: ${displayPath}: 1 problem in published result (reference of ${SMALL}):\n` +
        `  ${displayPath}:${line}:7: levels["80"].functions["POP Retreive"]: unknown ` +
        'key; did you mean "POP Retrieve"? Allowed keys here: SMTP Connect, ' +
        'SMTP Hello, SMTP Mail From, SMTP Rcpt To, SMTP Data, SMTP Quit, ' +
        'POP Connect, POP User ID, POP Password, POP Status, POP Retrieve, ' +
        'POP Delete, POP Quit, Delivery Time, SMTP Data Response Time, ' +
        'POP Retrieve Response Time, Remote Message Delivery.\n',
    );
  });

  it('rejects a misspelt tolerance line', async () => {
    const text = readFileSync(TOLERANCES, 'utf8');
    const misspelt = text.replace('[SMTP Disconnect, POP', '[SMTP Disconect, POP');
    const file = writeTemporary('misspelt.tolerances.yaml', misspelt);
    const line = lineOf(misspelt, '  - {measure: events');
    const displayPath = relative(process.cwd(), file);

    const status = await sim('validate', SMALL, '-q', '--set', `tolerances=${file}`);

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${displayPath}: 1 problem in tolerances (tolerances of ${SMALL}):\n` +
        `  ${displayPath}:${line}:31: rules[3].lines[0]: invalid value, got ` +
        '"SMTP Disconect"; expected one of "SMTP Connect Error", "SMTP ' +
        'Protocol Error", "SMTP Disconnect", "SMTP Session", "SMTP To ' +
        'Local", "SMTP To Remote", "SINK Connect Error", "POP Connect ' +
        'Error", "POP Protocol Error", "POP Disconnect", "POP Session", ' +
        '"Delivery Time Connect Error". Did you mean "SMTP Disconnect"?\n',
    );
  });

  it('rejects an unknown top-level key', async () => {
    const text = readFileSync(REFERENCE, 'utf8');
    const file = writeTemporary('extra.published.yaml', `${text}ratingg: 3\n`);
    const line = text.split('\n').length;
    const displayPath = relative(process.cwd(), file);

    const status = await sim('validate', SMALL, '-q', '--set', `reference=${file}`);

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${displayPath}: 1 problem in published result (reference of ${SMALL}):\n` +
        `  ${displayPath}:${line}:1: ratingg: unknown key; remove it or use one of ` +
        'the allowed keys: rating_mpm, users, summary_compliance_pct, levels.\n',
    );
  });
});

describe('sim run with unreadable scenarios', () => {
  it('points an empty file at examples', async () => {
    const file = writeTemporary('empty.yaml', '');

    const status = await sim('run', file, '-q');

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${file}: the file is empty or has only comments, so it contains ` +
        'no scenario; write one there, starting from a copy of an example ' +
        'such as scenarios/specmail2001-intrastore.yaml (a SPECmail2001 mail ' +
        'cluster) or scenarios/teaching/jackson-feedback.yaml (a queueing ' +
        'network).\n',
    );
  });

  it('names a binary file without its bytes', async () => {
    const bytes = Buffer.from([0x0e, 0x39, 0x75, 0xf0, 0x01, 0x9c, 0x5b]);
    const file = writeTemporary('binary.yaml', bytes);

    const status = await sim('run', file, '-q');

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${file}:1:4: not UTF-8 text: byte 0xF0 here is not valid UTF-8, ` +
        'so this may be a binary file; save the file as UTF-8 YAML text, or ' +
        'check that the path names the scenario file.\n',
    );
  });

  it('reports deep nesting as such', async () => {
    const file = writeTemporary('deep.yaml', `${'['.repeat(5000)}${']'.repeat(5000)}\n`);

    const status = await sim('run', file, '-q');

    expect(status).toBe(2);
    expect(output.stderr).toMatch(
      /^sim: .*deep\.yaml:1:\d+: maps and lists are nested too deeply to parse \(the YAML parser ran out of stack here\); a scenario nests them only a few levels deep, so remove the extra brackets or indentation\.\n$/,
    );
    expect(output.stderr).not.toContain('Maximum call stack');
  });
});

describe('sim run --set paths and values', () => {
  it('sets a list and a bracket item', async () => {
    const status = await sim(
      'run', SMALL, '-q', '--format', 'json', '--duration', '1',
      '--set', 'workload.levels=[50, 60]', '--set', 'workload.levels[1]=70',
    );
    const result = JSON.parse(output.stdout);

    expect(status).toBe(0);
    expect(result.levels.map((level: { loadPct: number }) => level.loadPct)).toEqual([50, 70]);
  });

  it('hints at list syntax', async () => {
    const status = await sim('run', SMALL, '-q', '--set', 'workload.levels=50,60');

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${SMALL}: 1 problem in scenario:\n` +
        '  --set workload.levels=50,60: workload.levels: wrong type, got ' +
        '"50,60"; expected a list. In --set, write a list as [50, 60] and a ' +
        'map as {cpuMs: 2}.\n',
    );
  });

  it('reports a huge seed once', async () => {
    const status = await sim('run', SMALL, '-q', '--set', 'seed=99999999999999999999');

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${SMALL}: 1 problem in scenario:\n` +
        '  --set seed=99999999999999999999: seed: too large, got ' +
        '100000000000000000000; expected an integer at most 9007199254740991.\n',
    );
  });

  it('bounds a phase at 1,000,000 s', async () => {
    const status = await sim('run', SMALL, '-q', '--set', 'workload.phases.warmupSeconds=1e7');

    expect(status).toBe(2);
    expect(output.stderr).toBe(
      `sim: ${SMALL}: 1 problem in scenario:\n` +
        '  --set workload.phases.warmupSeconds=1e7: workload.phases.warmupSeconds: too large, got ' +
        '10000000; expected a number at most 1000000.\n',
    );
  });
});
