import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { fileProblemError, type ScenarioError } from './errors.js';

/** Control characters that YAML does not allow: C0 except tab, LF, CR, and DEL. */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Reads a YAML file as UTF-8 text. `noun` names the file in messages, such
 * as "scenario file".
 * Raises ScenarioError `file-not-found` or `file-unreadable` when the file
 * cannot be read, and `file-not-text` when its bytes are not UTF-8 text.
 * Such a file starts with a UTF-16 or UTF-32 byte-order mark, or contains
 * an invalid UTF-8 sequence or a control character that YAML forbids.
 */
export function readYamlFile(file: string, noun: string): string {
  const bytes = readBytes(file, noun);
  const fix = `save the file as UTF-8 YAML text, or check that the path names the ${noun}.`;
  if (hasWideByteOrderMark(bytes)) {
    throw fileProblemError(
      'file-not-text',
      file,
      `not UTF-8 text: the file starts with a UTF-16 or UTF-32 byte-order mark; ${fix}`,
    );
  }

  // Keeping a UTF-8 byte-order mark in the text, as the YAML parser expects,
  // also keeps the byte offsets below aligned with the file.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const invalid = findInvalidUtf8(text, bytes);
  if (invalid !== undefined) {
    const byte = `0x${bytes[invalid.byteOffset]!.toString(16).toUpperCase().padStart(2, '0')}`;
    throw fileProblemError(
      'file-not-text',
      file,
      `not UTF-8 text: byte ${byte} here is not valid UTF-8, so this may be a binary file; ${fix}`,
      positionOf(text, invalid.index),
    );
  }

  const control = FORBIDDEN_CONTROL.exec(text);
  if (control !== null) {
    const codePoint = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw fileProblemError(
      'file-not-text',
      file,
      `not YAML text: the control character ${codePoint} here is not allowed in YAML, ` +
        `so this may be a binary file; ${fix}`,
      positionOf(text, control.index),
    );
  }
  return text;
}

function readBytes(file: string, noun: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw readError(error, file, noun);
  }
}

function readError(error: unknown, file: string, noun: string): ScenarioError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return fileProblemError(
      'file-not-found',
      file,
      `${noun} not found (resolved to ${resolve(file)}); ` +
        'check the path and the current directory.',
    );
  }
  if (code === 'EISDIR') {
    return fileProblemError(
      'file-unreadable',
      file,
      `cannot read ${noun}, got a directory; give the path of a YAML file.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return fileProblemError(
      'file-unreadable',
      file,
      `cannot read ${noun}, permission denied; ` +
        'check the read permission of the file.',
    );
  }

  const reason = error instanceof Error ? error.message : String(error);
  return fileProblemError(
    'file-unreadable',
    file,
    `cannot read ${noun} (${reason}); check that it is a readable text file.`,
  );
}

// FF FE also starts the UTF-32 little-endian mark, FF FE 00 00.
function hasWideByteOrderMark(bytes: Buffer): boolean {
  const [first, second, third, fourth] = bytes;
  const utf16 = (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
  const utf32BigEndian = first === 0 && second === 0 && third === 0xfe && fourth === 0xff;
  return utf16 || utf32BigEndian;
}

// The decoder replaces each invalid sequence with U+FFFD. Walking the text
// while counting the UTF-8 length of each code point finds the first
// U+FFFD that the file does not actually contain, and its byte offset.
function findInvalidUtf8(
  text: string,
  bytes: Buffer,
): { index: number; byteOffset: number } | undefined {
  let index = 0;
  let byteOffset = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint === 0xfffd && !isEncodedReplacement(bytes, byteOffset)) {
      return { index, byteOffset };
    }
    index += character.length;
    byteOffset += utf8Length(codePoint);
  }
  return undefined;
}

function isEncodedReplacement(bytes: Buffer, offset: number): boolean {
  return bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
