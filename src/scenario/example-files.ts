import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Folder of the example scenarios that ship with sim. The same relative
 * path is valid from src/scenario/ and from the build in dist/scenario/.
 */
const EXAMPLES_FOLDER = fileURLToPath(new URL('../../scenarios', import.meta.url));

/**
 * Describes a YAML file with no value in it and how to fill it, pointing at
 * the shipped examples when they are installed. `documentName` is the
 * kind of file, "scenario" when omitted.
 */
export function emptyDocumentMessage(documentName: string | undefined): string {
  const documentKind = documentName ?? 'scenario';
  const problem = `the file is empty or has only comments, so it contains no ${documentKind}`;
  if (!existsSync(EXAMPLES_FOLDER)) {
    return `${problem}; write the ${documentKind} there as a YAML map.`;
  }

  if (documentName === undefined) {
    return (
      `${problem}; write one there, starting from a copy of an example ` +
      `such as ${shownPath('specmail2001-intrastore.yaml')} (a SPECmail2001 ` +
      `mail cluster) or ${shownPath('teaching/jackson-feedback.yaml')} ` +
      '(a queueing network).'
    );
  }
  return (
    `${problem}; write it there as a YAML map, ` +
    `like the examples in ${shownPath('')}.`
  );
}

// Paths under the current folder are shown relative to it, others in full.
function shownPath(name: string): string {
  const path = join(EXAMPLES_FOLDER, name);
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}
