import { isCollection, isScalar, parseDocument } from 'yaml';

import {
  describeValue,
  formatKeyPath,
  pluralize,
  ScenarioError,
  suggestClosest,
  type ScenarioProblem,
} from './errors.js';
import { splitOverride } from './override-path.js';

/** One `--set key.path=value` option, split into its key path and value. */
export interface Override {
  /** The option as given on the command line, without `--set`. */
  text: string;
  /** Key path, one key per segment. List indexes are digit strings. */
  path: string[];
  /** The value parsed as YAML: a scalar, or a flow list or map. */
  value: unknown;
}

type Container = Record<string, unknown> | unknown[];

/**
 * Splits one `--set` option into key path and value. The key path takes the
 * forms that `splitOverride` describes, such as `workload.levels[1]`. The
 * value is parsed as YAML: `5` is a number, `true` a boolean, `!!str 5`
 * and `"5"` are strings, an empty value is null, `[50, 60]` is a list and
 * `{cpuMs: 2}` a map. Any other text that is not one YAML value, such as
 * `a: b`, is kept as the plain string.
 * Raises ScenarioError `override-invalid` when the option has no `=`, its
 * key path is malformed, or its value starts a flow list or map that is
 * not valid YAML.
 */
export function parseOverride(text: string, source: string): Override {
  const result = readOverride(text, source);
  if ('message' in result) {
    throw ScenarioError.fromProblems(
      'override-invalid',
      `${source}: 1 invalid --set option:`,
      [result],
    );
  }
  return result;
}

/**
 * Applies `--set key.path=value` options to scenario data read from
 * `source`, in order, and returns the changed deep copy. `data` is not
 * modified. Every key on the path must exist except the last key of a map,
 * which is added when missing so that an optional setting left out of the
 * file can be set. Schema validation afterwards rejects an added key that the
 * schema does not know. List items are addressed by index, such as
 * `servers[0].cpus` or `servers.0.cpus`, and the index must exist.
 * Raises ScenarioError `override-invalid` listing every option that cannot
 * be applied.
 */
export function applyOverrides(
  data: unknown,
  sets: readonly string[],
  source: string,
): unknown {
  const root = structuredClone(data);
  const problems: ScenarioProblem[] = [];
  for (const text of sets) {
    const override = readOverride(text, source);
    if ('message' in override) {
      problems.push(override);
      continue;
    }

    const problem = setAtPath(root, override, source);
    if (problem !== undefined) {
      problems.push(problem);
    }
  }

  if (problems.length > 0) {
    const count = pluralize(problems.length, 'invalid --set option');
    const header = `${source}: ${count}:`;
    throw ScenarioError.fromProblems('override-invalid', header, problems);
  }
  return root;
}

/**
 * Returns the option that set the value at `path`: the last one whose key
 * path is a prefix of `path`, or undefined when no option reached it.
 */
export function findOverride(
  path: readonly (string | number)[],
  overrides: readonly Override[],
): Override | undefined {
  const keys = path.map(String);
  let match: Override | undefined;
  for (const override of overrides) {
    const isPrefix =
      override.path.length <= keys.length &&
      override.path.every((segment, index) => segment === keys[index]);
    if (isPrefix) {
      match = override;
    }
  }
  return match;
}

function readOverride(
  text: string,
  source: string,
): Override | ScenarioProblem {
  const problem = (message: string): ScenarioProblem => ({
    file: source,
    line: 0,
    column: 0,
    path: [],
    message,
    override: text,
  });

  const split = splitOverride(text);
  if ('error' in split) {
    return problem(split.error);
  }
  const value = parseValue(split.valueText);
  if ('error' in value) {
    return problem(value.error);
  }
  return { text, path: split.path, value: value.value };
}

// Text that starts like a flow list or map must be one, so a typo there is
// an error. Any other text that YAML cannot read stays a plain string.
function parseValue(text: string): { value: unknown } | { error: string } {
  const doc = parseDocument(text, { prettyErrors: false });
  const isFlowStart = /^\s*[[{]/.test(text);
  const firstError = doc.errors[0];
  if (firstError !== undefined && isFlowStart) {
    const reason =
      firstError.code === 'RESOURCE_EXHAUSTION'
        ? 'lists and maps nested too deeply to parse'
        : firstError.message;
    return {
      error:
        `invalid YAML list or map, got ${describeValue(text)} ` +
        `(${reason}); write a list as [50, 60] and a map as ` +
        '{cpuMs: 2}, and quote strings that contain commas or brackets.',
    };
  }
  if (firstError !== undefined) {
    return { value: text };
  }

  const contents = doc.contents;
  if (contents === null) {
    return { value: null };
  }
  if (isScalar(contents) || (isCollection(contents) && contents.flow === true)) {
    return toData(doc, text);
  }
  return { value: text };
}

function toData(
  doc: ReturnType<typeof parseDocument>,
  text: string,
): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS() };
  } catch (error) {
    // The yaml package raises ReferenceError when aliases expand too far.
    if (!(error instanceof ReferenceError)) {
      throw error;
    }
    return {
      error:
        `cannot expand the YAML aliases of ${describeValue(text)} ` +
        `(${error.message}); write the value without aliases.`,
    };
  }
}

// Sets the value in place and returns the problem that prevents it, if any.
function setAtPath(
  root: unknown,
  override: Override,
  source: string,
): ScenarioProblem | undefined {
  const walked: (string | number)[] = [];
  const problem = (message: string): ScenarioProblem => ({
    file: source,
    line: 0,
    column: 0,
    path: [...walked],
    message,
    override: override.text,
  });

  let container = root;
  for (const [index, segment] of override.path.entries()) {
    const isLast = index === override.path.length - 1;
    if (!isContainer(container) && walked.length === 0) {
      return problem(
        `the scenario is not a map, got ${describeValue(container)}; ` +
          'write the scenario in the file first.',
      );
    }
    if (!isContainer(container)) {
      return problem(
        `not a map or list, got ${describeValue(container)}; set ` +
          `${formatKeyPath(walked)} itself or fix the key path.`,
      );
    }

    const key = resolveKey(container, segment);
    walked.push(key.key);
    if (key.error !== undefined) {
      return problem(key.error);
    }

    if (isLast) {
      assign(container, key.key, override.value);
    } else if (!key.exists) {
      return problem(unknownKeyMessage(segment, container));
    } else {
      container = readChild(container, key.key);
    }
  }
  return undefined;
}

function resolveKey(
  container: Container,
  segment: string,
): { key: string | number; exists: boolean; error?: string } {
  if (!Array.isArray(container)) {
    return { key: segment, exists: Object.hasOwn(container, segment) };
  }

  const last = container.length - 1;
  const range =
    container.length === 0
      ? 'the list is empty, so no index exists'
      : `use an index from 0 to ${last}`;
  if (!/^\d+$/.test(segment)) {
    return {
      key: segment,
      exists: false,
      error: `expected a list index, got "${segment}"; ${range}.`,
    };
  }

  const index = Number(segment);
  if (index > last) {
    return {
      key: index,
      exists: false,
      error: `list index out of range, got ${index}; ${range}.`,
    };
  }
  return { key: index, exists: true };
}

function unknownKeyMessage(key: string, map: Container): string {
  const known = Object.keys(map);
  if (known.length === 0) {
    return 'unknown key, and the map that should contain it is empty.';
  }

  const list = known.join(', ');
  const suggestion = suggestClosest(key, known);
  if (suggestion === undefined) {
    return `unknown key; the keys in the file here are ${list}.`;
  }
  return (
    `unknown key; did you mean "${suggestion}"? ` +
    `Keys in the file here: ${list}.`
  );
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function readChild(container: Container, key: string | number): unknown {
  if (Array.isArray(container)) {
    return container[Number(key)];
  }
  return container[String(key)];
}

// defineProperty makes even a key such as "__proto__" an own data property,
// so an option can never change the prototype of the scenario data.
function assign(
  container: Container,
  key: string | number,
  value: unknown,
): void {
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
