import { SimError } from '../errors.js';

/** One problem found while loading a scenario, such as an invalid value. */
export interface ScenarioProblem {
  /** Scenario file, as the caller named it. */
  file: string;
  /** 1-based line in `file`, or 0 when the problem has no position there. */
  line: number;
  /** 1-based column in `file`, or 0 when the problem has no position there. */
  column: number;
  /** Key path of the bad value, empty when the problem is not about one key. */
  path: (string | number)[];
  /** Description of the problem and its fix, without location or key path. */
  message: string;
  /** The `--set` option (without the flag) that caused the problem, if any. */
  override?: string;
}

/**
 * Error raised when a scenario cannot be loaded. `message` is ready to print,
 * and `problems` lists each problem for programs that inspect them.
 */
export class ScenarioError extends SimError {
  readonly problems: ScenarioProblem[];

  constructor(code: string, message: string, problems: ScenarioProblem[]) {
    super(code, message);
    this.name = 'ScenarioError';
    this.problems = problems;
  }

  /**
   * Creates an error whose message is `header` followed by one indented line
   * per problem, in the order given.
   */
  static fromProblems(
    code: string,
    header: string,
    problems: ScenarioProblem[],
  ): ScenarioError {
    const lines = problems.map((problem) => `  ${formatProblem(problem)}`);
    return new ScenarioError(code, [header, ...lines].join('\n'), problems);
  }
}

/**
 * Creates an error with one problem about the file as a whole, or at one
 * position in it when `position` is given.
 */
export function fileProblemError(
  code: string,
  file: string,
  message: string,
  position: { line: number; column: number } = { line: 0, column: 0 },
): ScenarioError {
  const problem = { file, ...position, path: [], message };
  return new ScenarioError(code, formatProblem(problem), [problem]);
}

/**
 * Formats a problem as one line: `<where>: <key path>: <message>`. The
 * location is `file:line:column`, the `--set` option that caused the problem,
 * or the bare file name when the problem has no position.
 */
export function formatProblem(problem: ScenarioProblem): string {
  let where = problem.file;
  if (problem.override !== undefined) {
    where = `--set ${problem.override}`;
  } else if (problem.line > 0) {
    where = `${problem.file}:${problem.line}:${problem.column}`;
  }

  if (problem.path.length === 0) {
    return `${where}: ${problem.message}`;
  }
  return `${where}: ${formatKeyPath(problem.path)}: ${problem.message}`;
}

/**
 * Formats a key path as it would be written in code, such as
 * `servers[0].cpu.cores`. Keys that are not plain identifiers are quoted.
 */
export function formatKeyPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

/**
 * Returns `count` followed by `noun`, with an "s" added unless `count` is 1.
 */
export function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Finds the candidate closest to `word` by edit distance, ignoring case, to
 * suggest a fix for a typo. Returns undefined when no candidate is close
 * enough. The distance may be at most a third of the length of `word`, but
 * always at least 1.
 */
export function suggestClosest(
  word: string,
  candidates: readonly string[],
): string | undefined {
  const maxDistance = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

// Optimal string alignment distance: Levenshtein plus the swap of two
// neighboring letters, the most common typo in key names.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = [];
  for (let i = 0; i < rows; i++) {
    table.push(Array.from({ length: columns }, (_, j) => (i === 0 ? j : 0)));
    table[i]![0] = i;
  }

  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(
        table[i - 1]![j]! + 1,
        table[i]![j - 1]! + 1,
        table[i - 1]![j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, table[i - 2]![j - 2]! + 1);
      }
      table[i]![j] = distance;
    }
  }
  return table[a.length]![b.length]!;
}

/**
 * Renders a value from a scenario compactly for an error message: strings in
 * double quotes (cut after 40 characters), numbers and booleans as written,
 * and maps and lists by their kind and size.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'no value';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    const clipped = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return JSON.stringify(clipped);
  }
  if (Array.isArray(value)) {
    return `a list of ${pluralize(value.length, 'item')}`;
  }
  if (typeof value === 'object') {
    return 'a map';
  }
  return String(value);
}
