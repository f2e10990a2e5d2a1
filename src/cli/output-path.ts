import { closeSync, openSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SimError } from '../errors.js';

/** A file that a run depends on, such as its scenario, which --output must not overwrite. */
export interface InputFile {
  /** Description of the file with its article, such as "the scenario's tolerances file". */
  role: string;
  path: string;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statOrUndefined(path: string): Stats | undefined {
  return statSync(path, { throwIfNoEntry: false });
}

function checkFolder(file: string, folder: string): void {
  let stats: Stats | undefined;
  try {
    stats = statOrUndefined(folder);
  } catch (error) {
    // Such as ENOTDIR, when a part of the folder's path is a file.
    throw new SimError(
      'output-unwritable',
      `--output ${file}: checking folder ${folder} failed (${reasonOf(error)}); ` +
        'choose a path inside an existing folder.',
    );
  }
  if (stats === undefined) {
    throw new SimError(
      'output-unwritable',
      `--output ${file}: cannot write to folder ${folder}; create it or choose another path.`,
    );
  }
  if (!stats.isDirectory()) {
    throw new SimError(
      'output-unwritable',
      `--output ${file}: ${folder} is a file, not a folder; choose a path inside a folder.`,
    );
  }
}

// Compares device and inode, so a symbolic link, a hard link or another
// spelling of the same path all count as the same file.
function checkNotAnInput(file: string, target: Stats, inputs: readonly InputFile[]): void {
  for (const input of inputs) {
    const stats = statOrUndefined(input.path);
    if (stats === undefined || stats.dev !== target.dev || stats.ino !== target.ino) continue;
    throw new SimError(
      'output-overwrites-input',
      `--output ${file}: is the same file as ${input.role} ${input.path}, so the report ` +
        'would overwrite it. Give --output a new file name, such as report.txt.',
    );
  }
}

// Opens the file for appending, which creates a missing file but never
// truncates an existing one, so a run that fails later leaves an old
// report intact. A file that the check created is removed again, so a
// failed run leaves no empty file behind. Unlike a test of permission
// bits, the open fails the same way the final write would: on a read-only
// file system, in /proc or /sys, or as root where the bits do not apply.
function probeWrite(file: string, path: string, existed: boolean): void {
  try {
    closeSync(openSync(path, 'a'));
  } catch (error) {
    throw new SimError(
      'output-unwritable',
      `--output ${file}: opening it for writing failed (${reasonOf(error)}); choose another path.`,
    );
  }
  if (!existed) unlinkSync(path);
}

/**
 * Checks before a run that the --output file can take the report, so that
 * no finished run is lost to a bad path. Its folder must exist and be a
 * folder, and the file must be no folder, none of `inputs`, and open for
 * writing. Raises SimError `output-unwritable` or `output-overwrites-input`.
 * A full disk (as on /dev/full) is only found by the final write.
 */
export function checkOutputPath(file: string, inputs: readonly InputFile[]): void {
  if (file.trim() === '') {
    throw new SimError('output-unwritable', '--output needs a file name, such as report.txt.');
  }
  // resolve() drops a trailing slash, which the final write would not.
  if (file.endsWith('/')) {
    throw new SimError(
      'output-unwritable',
      `--output ${file}: names a folder; give a file name, such as ${file}report.txt.`,
    );
  }
  const path = resolve(file);
  checkFolder(file, dirname(path));

  const target = statOrUndefined(path);
  if (target?.isDirectory() === true) {
    throw new SimError(
      'output-unwritable',
      `--output ${file}: is a folder; give a file name, such as ${file}/report.txt.`,
    );
  }
  if (target !== undefined) checkNotAnInput(file, target, inputs);

  // Opening a named pipe would wait for a reader, so only regular files
  // and new files are opened. A device such as /dev/full fails only when
  // the report is written.
  if (target === undefined || target.isFile()) probeWrite(file, path, target !== undefined);
}
