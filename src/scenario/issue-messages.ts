import type { z } from 'zod';

import { describeValue, formatKeyPath, pluralize, suggestClosest } from './errors.js';

/** A zod issue as `safeParse` reports it. */
export type Issue = z.core.$ZodIssue;
/** A key path: map keys and list indexes. */
export type KeyPath = (string | number)[];

/** Whether a key path exists in the input, and the value there. */
export interface FoundValue {
  exists: boolean;
  value: unknown;
}

export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  if (allowed.length === 0) {
    return 'unknown key; remove it.';
  }

  const list = allowed.join(', ');
  const suggestion = suggestClosest(key, allowed);
  if (suggestion === undefined) {
    return `unknown key; remove it or use one of the allowed keys: ${list}.`;
  }
  return (
    `unknown key; did you mean "${suggestion}"? ` +
    `Allowed keys here: ${list}.`
  );
}

// Messages follow one pattern: what is wrong, got <value>; what is accepted.
export function describeIssue(issue: Issue, path: KeyPath, found: FoundValue): string {
  const got = describeValue(found.value);
  const expected = expectedText(issue);
  if (!found.exists && expected !== undefined) {
    return missingKeyMessage(path, expected);
  }

  switch (issue.code) {
    case 'invalid_type':
      return `wrong type, got ${got}; expected ${expected}.`;
    case 'too_small':
    case 'too_big':
      return boundMessage(issue, found.value);
    case 'invalid_value':
      return invalidValueMessage(issue.values, found.value);
    case 'invalid_format':
      return `invalid format, got ${got}; expected ${formatText(issue)}.`;
    case 'not_multiple_of':
      return (
        `not a multiple of ${issue.divisor}, got ${got}; ` +
        `expected a multiple of ${issue.divisor}.`
      );
    case 'invalid_key':
      return invalidKeyMessage(issue, path);
    case 'invalid_union':
      return unionMessage(issue, found.value, expected);
    case 'custom':
      return customMessage(issue.message, found.value);
    default:
      return `${issue.message}, got ${got}.`;
  }
}

function missingKeyMessage(path: KeyPath, expected: string): string {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const place =
    parent.length === 0 ? 'at the top level' : `under ${formatKeyPath(parent)}`;
  return `missing required key; add "${key}" with ${expected} ${place}.`;
}

// Describes what the schema accepts, when the issue contains it. A union that
// rejects the type itself accepts what any of its members accepts.
function expectedText(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') {
    return typeNoun(issue.expected);
  }
  if (issue.code === 'invalid_value') {
    return valuesText(issue.values);
  }
  if (issue.code !== 'invalid_union') {
    return undefined;
  }

  if ('options' in issue && issue.options !== undefined) {
    return valuesText(issue.options);
  }
  const members = issue.errors.map((issues) => {
    const first = issues[0];
    return issues.length === 1 && first !== undefined && first.path.length === 0
      ? expectedText(first)
      : undefined;
  });
  if (members.length === 0 || members.includes(undefined)) {
    return undefined;
  }
  return [...new Set(members)].join(' or ');
}

const TYPE_NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true or false',
  null: 'null',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a map',
  record: 'a map',
  map: 'a map',
  date: 'a date',
  nonoptional: 'a value',
};

function typeNoun(expected: string): string {
  return TYPE_NOUNS[expected] ?? `a value of type ${expected}`;
}

function valuesText(values: readonly unknown[]): string {
  const rendered = values.map((value) => describeValue(value));
  if (rendered.length === 1) {
    return rendered[0]!;
  }
  return `one of ${rendered.join(', ')}`;
}

function invalidValueMessage(
  values: readonly unknown[],
  value: unknown,
): string {
  const message =
    `invalid value, got ${describeValue(value)}; ` +
    `expected ${valuesText(values)}.`;
  if (typeof value !== 'string') {
    return message;
  }

  const names = values.filter((allowed) => typeof allowed === 'string');
  const suggestion = suggestClosest(value, names);
  if (suggestion === undefined) {
    return message;
  }
  return `${message} Did you mean "${suggestion}"?`;
}

function boundMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
): string {
  const isMin = issue.code === 'too_small';
  const bound = Number(isMin ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive ?? true;
  let relation = isMin ? 'greater than' : 'less than';
  if (issue.exact === true) {
    relation = 'exactly';
  } else if (inclusive) {
    relation = isMin ? 'at least' : 'at most';
  }

  let wrong = isMin ? 'too small' : 'too large';
  let got = describeValue(value);
  let limit = `${relation} ${bound}`;
  if (issue.origin === 'number') {
    limit = `a number ${relation} ${bound}`;
  } else if (issue.origin === 'int' || issue.origin === 'bigint') {
    limit = `an integer ${relation} ${bound}`;
  } else if (issue.origin === 'string') {
    const length = typeof value === 'string' ? value.length : 0;
    wrong = isMin ? 'too short' : 'too long';
    got = `${got} (${pluralize(length, 'character')})`;
    limit = `${relation} ${pluralize(bound, 'character')}`;
  } else if (issue.origin === 'array' || issue.origin === 'set') {
    wrong = isMin ? 'too few items' : 'too many items';
    limit = `${relation} ${pluralize(bound, 'item')}`;
  }
  return `${wrong}, got ${got}; expected ${limit}.`;
}

function formatText(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if ('prefix' in issue && typeof issue.prefix === 'string') {
    return `a string starting with ${JSON.stringify(issue.prefix)}`;
  }
  if ('suffix' in issue && typeof issue.suffix === 'string') {
    return `a string ending with ${JSON.stringify(issue.suffix)}`;
  }
  if ('includes' in issue && typeof issue.includes === 'string') {
    return `a string containing ${JSON.stringify(issue.includes)}`;
  }
  if (issue.pattern !== undefined) {
    return `a string matching ${issue.pattern}`;
  }
  return `a valid ${issue.format}`;
}

function invalidKeyMessage(
  issue: z.core.$ZodIssueInvalidKey,
  path: KeyPath,
): string {
  const key = path[path.length - 1];
  const inner = issue.issues[0];
  if (inner === undefined) {
    return `invalid key, got ${describeValue(key)}; ${issue.message}.`;
  }

  const description = describeIssue(inner, [], { exists: true, value: key });
  return `invalid key: ${description}`;
}

function unionMessage(
  issue: z.core.$ZodIssueInvalidUnion,
  value: unknown,
  expected: string | undefined,
): string {
  const got = describeValue(value);
  if ('options' in issue && issue.options !== undefined) {
    return invalidValueMessage(issue.options, value);
  }
  if (issue.inclusive === false) {
    return (
      `ambiguous value, got ${got}; ` +
      'change it to match exactly one of the allowed forms.'
    );
  }
  if (expected !== undefined) {
    return `wrong type, got ${got}; expected ${expected}.`;
  }
  return `invalid value, got ${got}; it matches none of the allowed forms.`;
}

// A refinement message states the rule, so it only needs the value.
function customMessage(message: string, value: unknown): string {
  const rule = message.replace(/\.$/, '');
  if (typeof value === 'object' && value !== null) {
    return `${rule}.`;
  }
  return `${rule}, got ${describeValue(value)}.`;
}

/**
 * Keeps one bound issue per key path and direction, the tightest, so that a
 * value beyond two bounds, such as `.int().max(N)` where `.int()` brings
 * its own bound, is reported once. Between equal bounds the integer one is
 * kept, because its message is more specific.
 */
export function dropLooserBounds(issues: readonly Issue[]): Issue[] {
  const keptByGroup = new Map<string, Issue>();
  const result: Issue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'too_big' && issue.code !== 'too_small') {
      result.push(issue);
      continue;
    }

    const key = JSON.stringify([issue.code, issue.path.map(String)]);
    const previous = keptByGroup.get(key);
    if (previous === undefined) {
      keptByGroup.set(key, issue);
      result.push(issue);
    } else if (isTighter(issue, previous)) {
      keptByGroup.set(key, issue);
      result[result.indexOf(previous)] = issue;
    }
  }
  return result;
}

function isTighter(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  previous: Issue,
): boolean {
  const difference = boundOf(issue) - boundOf(previous);
  if (difference === 0) {
    const previousIsInt = 'origin' in previous && previous.origin === 'int';
    return issue.origin === 'int' && !previousIsInt;
  }
  return issue.code === 'too_big' ? difference < 0 : difference > 0;
}

function boundOf(issue: Issue): number {
  if (issue.code === 'too_big') {
    return Number(issue.maximum);
  }
  if (issue.code === 'too_small') {
    return Number(issue.minimum);
  }
  return NaN;
}

/**
 * Returns how to write a list or map in `--set` when the schema expects one
 * and got a string, the usual result of a value such as `50,60`.
 */
export function overrideValueHint(issue: Issue, value: unknown): string | undefined {
  if (issue.code !== 'invalid_type' || typeof value !== 'string') {
    return undefined;
  }
  const noun = typeNoun(issue.expected);
  if (noun !== 'a list' && noun !== 'a map') {
    return undefined;
  }
  return 'In --set, write a list as [50, 60] and a map as {cpuMs: 2}.';
}
