/** A `--set` option split at its `=`, or the reason it cannot be split. */
export type SplitOverride =
  | { path: string[]; valueText: string }
  | { error: string };

const EXAMPLE = 'such as software.pop.threads=200 or workload.levels[1]=90';

/**
 * Splits a `--set` option into its key path and the text after the `=`.
 * Keys are separated by dots. A list item is written `levels[1]` or
 * `levels.1`, and a key with dots, brackets, spaces or `=` in it is written
 * as a JSON string in brackets, such as `functions["POP Retrieve"]`. These
 * are the forms that error messages print. List indexes are returned as
 * digit strings, as the dot form gives them.
 */
export function splitOverride(text: string): SplitOverride {
  const path: string[] = [];
  let index = 0;
  let afterDot = false;
  while (index < text.length && text[index] !== '=') {
    const character = text[index];
    if (character === '[') {
      const bracket = readBracket(text, index);
      if ('error' in bracket) {
        return bracket;
      }
      path.push(bracket.key);
      index = bracket.end;
      afterDot = false;
    } else if (character === '.') {
      if (path.length === 0 || afterDot) {
        return invalidPath(text, `separate keys with single dots, ${EXAMPLE}`);
      }
      afterDot = true;
      index += 1;
    } else {
      if (path.length > 0 && !afterDot) {
        return invalidPath(text, `put a dot or a bracket after "]", ${EXAMPLE}`);
      }
      const end = findKeyEnd(text, index);
      const key = text.slice(index, end);
      if (key.trim() === '') {
        return invalidPath(text, `a key cannot be blank, ${EXAMPLE}`);
      }
      path.push(key);
      index = end;
      afterDot = false;
    }
  }

  if (index === text.length) {
    return { error: `missing "=", expected key.path=value, ${EXAMPLE}.` };
  }
  if (path.length === 0 || afterDot) {
    return invalidPath(text, `give a key before "=" and no dot at the end, ${EXAMPLE}`);
  }
  return { path, valueText: text.slice(index + 1) };
}

// Reads `[12]` or `["a key"]` starting at `start`, the index of `[`.
function readBracket(
  text: string,
  start: number,
): { key: string; end: number } | { error: string } {
  const rest = text.slice(start + 1);
  const quoted = /^"(?:[^"\\]|\\.)*"\]/.exec(rest);
  if (quoted !== null) {
    const key = JSON.parse(quoted[0].slice(0, -1)) as string;
    return { key, end: start + 1 + quoted[0].length };
  }

  const index = /^(\d+)\]/.exec(rest);
  if (index !== null) {
    return { key: index[1]!, end: start + 1 + index[0].length };
  }
  return invalidPath(
    text,
    'brackets hold a list index, such as levels[1], or a key in double ' +
      'quotes, such as functions["POP Retrieve"], and end with "]"',
  );
}

function findKeyEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !'.[]='.includes(text[end]!)) {
    end += 1;
  }
  return end;
}

function invalidPath(text: string, fix: string): { error: string } {
  const equals = text.indexOf('=');
  const keyText = equals < 0 ? text : text.slice(0, equals);
  return { error: `invalid key path, got "${keyText}"; ${fix}.` };
}
