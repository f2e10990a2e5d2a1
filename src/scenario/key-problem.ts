import { readFileSync } from 'node:fs';

import { ScenarioError, type ScenarioProblem } from './errors.js';
import { locateKeyPath } from './load-yaml.js';
import { findOverride, parseOverride } from './overrides.js';

/** A scenario file and the `--set` options applied to it. */
export interface ScenarioSource {
  scenarioFile: string;
  overrides: readonly string[];
}

/**
 * Builds a problem with the value at `keyPath` of a loaded scenario, for
 * checks that run after schema validation, such as a hardware profile that
 * does not exist. The problem is placed at the `--set` option that set the
 * value, or else at the value's line in the scenario file.
 */
export function problemAtKey(
  source: ScenarioSource,
  keyPath: string[],
  message: string,
): ScenarioProblem {
  const file = source.scenarioFile;
  const overrides = source.overrides.map((text) => parseOverride(text, file));
  const override = findOverride(keyPath, overrides);
  if (override !== undefined) {
    return { file, line: 0, column: 0, path: keyPath, message, override: override.text };
  }

  const position = locateKeyPath(readFileSync(file, 'utf8'), keyPath);
  return { file, ...position, path: keyPath, message };
}

/** Creates the error for one problem found in a scenario after validation. */
export function scenarioProblemError(
  code: string,
  source: ScenarioSource,
  problem: ScenarioProblem,
): ScenarioError {
  const header = `${source.scenarioFile}: 1 problem in scenario:`;
  return ScenarioError.fromProblems(code, header, [problem]);
}
