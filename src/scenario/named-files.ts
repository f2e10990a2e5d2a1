import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

import { describeValue } from './errors.js';
import { problemAtKey, scenarioProblemError, type ScenarioSource } from './key-problem.js';

/** Scenario keys that name a file of `sim validate`, and what each file holds. */
const FILE_KINDS = {
  reference: 'published result',
  tolerances: 'tolerances file',
} as const;

/**
 * Resolves the file that the scenario names under `key`, relative to the
 * scenario's folder, and checks that it exists and is not a directory.
 * Returns its path relative to the current folder, or undefined when the
 * key is not set.
 * Raises ScenarioError `reference-missing` at the key, or at the `--set`
 * option that set it, when the file is missing or is a directory.
 */
export function resolveNamedFile(
  source: ScenarioSource,
  key: keyof typeof FILE_KINDS,
  name: string | null | undefined,
): string | undefined {
  if (name === undefined || name === null) {
    return undefined;
  }

  const folder = dirname(source.scenarioFile);
  const path = resolve(folder, name);
  const got = `got ${describeValue(name)}`;
  const fix = `relative to the scenario's folder ${resolve(folder)}`;
  let message: string | undefined;
  if (!existsSync(path)) {
    message = `${FILE_KINDS[key]} not found, ${got} (resolved to ${path}); check the path, which is ${fix}.`;
  } else if (statSync(path).isDirectory()) {
    message =
      `${FILE_KINDS[key]} must be a file, ${got}, a directory (${path}); ` +
      `give the path of the file in it, ${fix}.`;
  }

  if (message !== undefined) {
    const problem = problemAtKey(source, [key], message);
    throw scenarioProblemError('reference-missing', source, problem);
  }
  return relative(process.cwd(), path);
}
