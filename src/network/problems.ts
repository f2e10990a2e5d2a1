import { readFileSync } from 'node:fs';
import { ScenarioError, pluralize, type ScenarioProblem } from '../scenario/errors.js';
import { locateKeyPath } from '../scenario/load-yaml.js';
import { parseOverride } from '../scenario/overrides.js';

/**
 * Collects problems found after schema validation, each placed at the line
 * of its key path in the scenario file, or at the `--set` option that set
 * the value.
 */
export class ProblemList {
  readonly problems: ScenarioProblem[] = [];
  private text: string | undefined;

  constructor(
    private readonly file: string,
    private readonly overrides: readonly string[],
  ) {}

  /** Records a problem with the value at `path`. */
  add(path: (string | number)[], message: string): void {
    const keys = path.map(String);
    let override: string | undefined;
    for (const text of this.overrides) {
      const parsed = parseOverride(text, this.file);
      const isPrefix =
        parsed.path.length <= keys.length && parsed.path.every((key, i) => key === keys[i]);
      if (isPrefix) override = text;
    }
    if (override !== undefined) {
      this.problems.push({ file: this.file, line: 0, column: 0, path, message, override });
      return;
    }

    // A problem such as an unstable station can come from a --set that
    // changed another value, so the overrides in force are named.
    const context =
      this.overrides.length === 0
        ? ''
        : ` This is with ${this.overrides.map((text) => `--set ${text}`).join(', ')}.`;
    this.text ??= readFileSync(this.file, 'utf8');
    const { line, column } = locateKeyPath(this.text, path);
    this.problems.push({ file: this.file, line, column, path, message: message + context });
  }

  /** Raises a ScenarioError with code `code` when any problem was recorded. */
  throwIfAny(code: string): void {
    if (this.problems.length === 0) return;
    this.problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw ScenarioError.fromProblems(
      code,
      `${this.file}: ${pluralize(this.problems.length, 'problem')} in scenario:`,
      this.problems,
    );
  }
}
