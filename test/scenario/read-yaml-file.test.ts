import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ScenarioError } from '../../src/scenario/errors.js';
import { readYamlFile } from '../../src/scenario/read-yaml-file.js';
import { scenarioErrorOf } from './scenario-error.js';

const FIX =
  'save the file as UTF-8 YAML text, or check that the path names the ' +
  'scenario file.';

function writeBytes(bytes: number[] | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-read-')), 'input.yaml');
  writeFileSync(file, Buffer.from(bytes));
  return file;
}

function errorOf(file: string): ScenarioError {
  return scenarioErrorOf(() => readYamlFile(file, 'scenario file'));
}

describe('readYamlFile', () => {
  it('reads UTF-8 text with accents', () => {
    const file = writeBytes(Buffer.from('name: café\n', 'utf8'));

    expect(readYamlFile(file, 'scenario file')).toBe('name: café\n');
  });

  it('keeps a UTF-8 byte-order mark', () => {
    const file = writeBytes([0xef, 0xbb, 0xbf, ...Buffer.from('a: 1\n')]);

    expect(readYamlFile(file, 'scenario file')).toBe('\uFEFFa: 1\n');
  });

  it('rejects invalid UTF-8 at its position', () => {
    const text = Buffer.from('name: é\nseed: ', 'utf8');
    const file = writeBytes([...text, 0xff, 0x0a]);

    const error = errorOf(file);

    expect(error.code).toBe('file-not-text');
    expect(error.message).toBe(
      `${file}:2:7: not UTF-8 text: byte 0xFF here is not valid UTF-8, ` +
        `so this may be a binary file; ${FIX}`,
    );
  });

  it('rejects a cut multibyte sequence', () => {
    const file = writeBytes([0x61, 0x3a, 0x20, 0xc3, 0x0a]);

    const error = errorOf(file);

    expect(error.message).toBe(
      `${file}:1:4: not UTF-8 text: byte 0xC3 here is not valid UTF-8, ` +
        `so this may be a binary file; ${FIX}`,
    );
  });

  it('accepts an encoded replacement character', () => {
    const file = writeBytes(Buffer.from('a: \uFFFD\n', 'utf8'));

    expect(readYamlFile(file, 'scenario file')).toBe('a: \uFFFD\n');
  });

  it('rejects a NUL byte without echoing bytes', () => {
    const file = writeBytes([0x61, 0x3a, 0x20, 0x00, 0x0e, 0x39]);

    const error = errorOf(file);

    expect(error.code).toBe('file-not-text');
    expect(error.message).toBe(
      `${file}:1:4: not YAML text: the control character U+0000 here is not ` +
        `allowed in YAML, so this may be a binary file; ${FIX}`,
    );
  });

  it('rejects UTF-16 with byte-order mark', () => {
    const file = writeBytes([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]);

    const error = errorOf(file);

    expect(error.code).toBe('file-not-text');
    expect(error.message).toBe(
      `${file}: not UTF-8 text: the file starts with a UTF-16 or UTF-32 ` +
        `byte-order mark; ${FIX}`,
    );
  });

  it('allows tab, CR and LF', () => {
    const file = writeBytes(Buffer.from('a:\t1\r\nb: 2\n'));

    expect(readYamlFile(file, 'scenario file')).toBe('a:\t1\r\nb: 2\n');
  });

  it('names the document in read errors', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sim-read-'));

    const error = scenarioErrorOf(() =>
      readYamlFile(folder, 'published result (reference of mail.yaml)'),
    );

    expect(error.code).toBe('file-unreadable');
    expect(error.message).toBe(
      `${folder}: cannot read published result (reference of mail.yaml), ` +
        'got a directory; give the path of a YAML file.',
    );
  });
});
