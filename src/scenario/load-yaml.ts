import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import { z } from 'zod';

import {
  fileProblemError,
  pluralize,
  ScenarioError,
  type ScenarioProblem,
} from './errors.js';
import { emptyDocumentMessage } from './example-files.js';
import {
  describeIssue,
  dropLooserBounds,
  overrideValueHint,
  unknownKeyMessage,
  type FoundValue,
  type Issue,
  type KeyPath,
} from './issue-messages.js';
import {
  applyOverrides,
  findOverride,
  parseOverride,
  type Override,
} from './overrides.js';
import { readYamlFile } from './read-yaml-file.js';

/** Options of `loadYamlFile` and `parseYamlText`. */
export interface LoadOptions {
  /** `--set key.path=value` options (without `--set`), applied in order. */
  overrides?: readonly string[];
  /**
   * Description of the file for the heading of schema errors, such as
   * "hardware profile (cluster.nodes.hardware of scenarios/mail.yaml)";
   * "scenario" when omitted.
   */
  documentName?: string;
}


interface Position {
  line: number;
  column: number;
}

interface ValidationContext {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  input: unknown;
  overrides: Override[];
  allowedKeys: WeakMap<object, string[]>;
}

/**
 * Loads a YAML scenario file, applies `--set` overrides and validates the
 * result against `schema`. Returns the parsed data with schema defaults
 * filled in.
 * Raises ScenarioError with code `file-not-found` or `file-unreadable` when
 * the file cannot be read, `file-not-text` when it is not UTF-8 text, and
 * the codes listed for `parseYamlText` when its content is invalid.
 */
export function loadYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  options: LoadOptions = {},
): z.output<S> {
  const noun = options.documentName ?? 'scenario file';
  return parseYamlText(readYamlFile(file, noun), file, schema, options);
}

/**
 * Parses YAML text read from `file`, applies `--set` overrides and validates
 * the result against `schema`. Returns the parsed data with schema defaults
 * filled in. `file` only names the source in messages.
 * Raises ScenarioError with code `yaml-syntax` listing every YAML syntax
 * error, `yaml-too-deep` when maps and lists nest too deeply to parse,
 * `file-empty` when the text contains no YAML value, `override-invalid`
 * when a `--set` option cannot be applied, or `schema-invalid` listing
 * every schema problem by line.
 */
export function parseYamlText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  options: LoadOptions = {},
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw syntaxError(doc, lineCounter, file, options.documentName);
  }
  if (doc.contents === null) {
    throw fileProblemError(
      'file-empty',
      file,
      emptyDocumentMessage(options.documentName),
    );
  }

  const sets = options.overrides ?? [];
  const data = documentToData(doc, file);
  const input = sets.length > 0 ? applyOverrides(data, sets, file) : data;

  // Zod drops the schema from the issues it returns, so the error map records
  // the keys each strict object allows while the raw issues still carry it.
  // NOTE: zod skips this map for an object schema with its own error map, so
  // unknown keys of such an object are reported without the allowed keys.
  const allowedKeys = new WeakMap<object, string[]>();
  const result = schema.safeParse(input, {
    error: (issue) => {
      recordAllowedKeys(issue, allowedKeys);
      return undefined;
    },
  });
  if (result.success) {
    return result.data;
  }

  const context: ValidationContext = {
    file,
    doc,
    lineCounter,
    input,
    overrides: sets.map((set) => parseOverride(set, file)),
    allowedKeys,
  };
  const problems = dropLooserBounds(result.error.issues).flatMap((issue) =>
    issueToProblems(issue, [], context),
  );
  sortProblems(problems, context.overrides);
  throw ScenarioError.fromProblems(
    'schema-invalid',
    `${file}: ${pluralize(problems.length, 'problem')} in ${options.documentName ?? 'scenario'}:`,
    problems,
  );
}

function syntaxError(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
  documentName: string | undefined,
): ScenarioError {
  // When the yaml package (2.9) overflows the stack while it builds nested
  // maps and lists, it reports the code RESOURCE_EXHAUSTION. Any later
  // errors follow from that one.
  const overflow = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  if (overflow !== undefined) {
    const { line, col } = lineCounter.linePos(overflow.pos[0]);
    return fileProblemError(
      'yaml-too-deep',
      file,
      'maps and lists are nested too deeply to parse (the YAML parser ran ' +
        `out of stack here); a ${documentName ?? 'scenario'} nests them only ` +
        'a few levels deep, so remove the extra brackets or indentation.',
      { line, column: col },
    );
  }

  const problems = doc.errors.map((error): ScenarioProblem => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { file, line, column: col, path: [], message: error.message };
  });
  const header = `${file}: ${pluralize(problems.length, 'YAML syntax error')}:`;
  return ScenarioError.fromProblems('yaml-syntax', header, problems);
}

function documentToData(doc: Document.Parsed, file: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    // The yaml package raises ReferenceError when aliases expand past its
    // limit, which guards against documents that expand exponentially.
    if (!(error instanceof ReferenceError)) {
      throw error;
    }
    throw fileProblemError(
      'yaml-syntax',
      file,
      `cannot expand YAML aliases (${error.message}); use fewer aliases.`,
    );
  }
}

function recordAllowedKeys(
  issue: z.core.$ZodRawIssue,
  allowedKeys: WeakMap<object, string[]>,
): void {
  if (issue.code !== 'unrecognized_keys') {
    return;
  }
  const input: unknown = issue.input;
  if (typeof input !== 'object' || input === null) {
    return;
  }

  let keys: string[] = [];
  if (issue.inst instanceof z.core.$ZodObject) {
    keys = Object.keys(issue.inst._zod.def.shape);
  } else if (issue.inst instanceof z.core.$ZodRecord) {
    const values = issue.inst._zod.def.keyType._zod.values ?? [];
    keys = [...values].map(String);
  }

  // Union members parse the same input, so their keys add up.
  const previous = allowedKeys.get(input) ?? [];
  allowedKeys.set(input, [...new Set([...previous, ...keys])]);
}

function issueToProblems(
  issue: Issue,
  basePath: KeyPath,
  context: ValidationContext,
): ScenarioProblem[] {
  const path = [...basePath, ...issue.path.map(toKeySegment)];
  if (issue.code === 'unrecognized_keys') {
    const parent = valueAt(context.input, path).value;
    const allowed =
      typeof parent === 'object' && parent !== null
        ? (context.allowedKeys.get(parent) ?? [])
        : [];
    return issue.keys.map((key) => {
      const message = unknownKeyMessage(key, allowed);
      return makeProblem([...path, key], message, 'key', context);
    });
  }

  if (issue.code === 'invalid_union') {
    const alternative = closestAlternative(issue);
    if (alternative !== undefined) {
      return alternative.flatMap((inner) =>
        issueToProblems(inner, path, context),
      );
    }
  }

  const found = valueAt(context.input, path);
  const target = issue.code === 'invalid_key' ? 'key' : 'value';
  const message = describeIssue(issue, path, found);
  const hint = overrideValueHint(issue, found.value);
  return [makeProblem(path, message, target, context, hint)];
}

function toKeySegment(segment: PropertyKey): string | number {
  return typeof segment === 'symbol' ? String(segment) : segment;
}

// A union reports what each member rejected. A member that failed only below
// the top of the value accepts its form, so the problems of such a member are
// reported, choosing the member with the fewest. When every member rejects
// the type itself, there is no such member and the union is described whole.
function closestAlternative(
  issue: z.core.$ZodIssueInvalidUnion,
): Issue[] | undefined {
  const candidates = issue.errors.filter(
    (issues) =>
      issues.length > 0 &&
      !issues.some((inner) => inner.path.length === 0 && isFormIssue(inner)),
  );
  let best: Issue[] | undefined;
  for (const candidate of candidates) {
    if (best === undefined || candidate.length < best.length) {
      best = candidate;
    }
  }
  return best;
}

function isFormIssue(issue: Issue): boolean {
  return issue.code === 'invalid_type' || issue.code === 'invalid_value';
}


function valueAt(root: unknown, path: KeyPath): FoundValue {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) {
      return { exists: false, value: undefined };
    }
    if (!Object.hasOwn(value, segment)) {
      return { exists: false, value: undefined };
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { exists: true, value };
}

// `overrideHint` is added to the message when a `--set` option set the value.
function makeProblem(
  path: KeyPath,
  message: string,
  target: 'key' | 'value',
  context: ValidationContext,
  overrideHint?: string,
): ScenarioProblem {
  const override = findOverride(path, context.overrides);
  if (override !== undefined) {
    const { file } = context;
    const text = overrideHint === undefined ? message : `${message} ${overrideHint}`;
    return { file, line: 0, column: 0, path, message: text, override: override.text };
  }

  const { line, column } = locate(context, path, target);
  return { file: context.file, line, column, path, message };
}

// Walks the YAML nodes along `path`. Aliases are followed, and map keys match
// by their string form because zod reports number keys such as `8080:` as
// strings. When a node is missing, such as a missing required key, the
// position is that of the nearest parent: its key in its own parent map, or
// the start of the document.
function locate(
  context: ValidationContext,
  path: KeyPath,
  target: 'key' | 'value',
): Position {
  const { doc, lineCounter } = context;
  const startOf = (node: unknown): Position | undefined => {
    if (!isNode(node) || node.range === undefined || node.range === null) {
      return undefined;
    }
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: col };
  };

  let node: unknown = doc.contents;
  let position = startOf(node) ?? { line: 1, column: 1 };
  let keyPosition: Position | undefined;
  for (const segment of path) {
    const parent = isAlias(node) ? node.resolve(doc) : node;
    const child = childNode(parent, segment);
    if (child === undefined) {
      return keyPosition ?? position;
    }
    keyPosition = startOf(child.key);
    node = child.value;
    const valuePosition = isEmptyNode(node) ? undefined : startOf(node);
    position = valuePosition ?? keyPosition ?? position;
  }
  return target === 'key' ? (keyPosition ?? position) : position;
}

function childNode(
  parent: unknown,
  segment: string | number,
): { key?: unknown; value: unknown } | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find(
      (item) =>
        isScalar(item.key) && String(item.key.value) === String(segment),
    );
    if (pair === undefined) {
      return undefined;
    }
    return { key: pair.key, value: pair.value };
  }

  const isIndex = typeof segment === 'number';
  if (isSeq(parent) && isIndex && segment < parent.items.length) {
    return { value: parent.items[segment] };
  }
  return undefined;
}

// An empty value, as in `latency:` with nothing after the colon, has a
// zero-length range at the end of the line. Its key is the better position.
function isEmptyNode(node: unknown): boolean {
  if (node === null || node === undefined) {
    return true;
  }
  if (!isNode(node) || node.range === undefined || node.range === null) {
    return false;
  }
  return node.range[0] === node.range[1];
}

// Problems with a file position come first, by line and column. Problems
// caused by `--set` options follow, in the order of the options.
function sortProblems(
  problems: ScenarioProblem[],
  overrides: readonly Override[],
): void {
  const rank = (problem: ScenarioProblem): [number, number, number] => {
    if (problem.override === undefined) {
      return [0, problem.line, problem.column];
    }
    const index = overrides.findIndex(
      (override) => override.text === problem.override,
    );
    return [1, index, 0];
  };

  problems.sort((a, b) => {
    const [groupA, lineA, columnA] = rank(a);
    const [groupB, lineB, columnB] = rank(b);
    return groupA - groupB || lineA - lineB || columnA - columnB;
  });
}

/**
 * Finds the line and column of the value at `path` in YAML `text`, or of
 * its nearest existing parent, for errors found after validation (such as
 * a hardware profile that does not exist).
 */
export function locateKeyPath(
  text: string,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const context: ValidationContext = {
    file: '',
    doc,
    lineCounter,
    input: undefined,
    overrides: [],
    allowedKeys: new WeakMap(),
  };
  return locate(context, [...path], 'value');
}
