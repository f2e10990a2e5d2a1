import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import type { InputFile } from './output-path.js';

/**
 * Lists the files a SPECmail2001 run depends on: the scenario, its
 * published result and tolerances (read by `sim validate`) and the
 * hardware profiles it read. Only files that exist are listed.
 */
export function specmailInputFiles(loaded: LoadedScenario): InputFile[] {
  const files: InputFile[] = [
    { role: 'the scenario', path: loaded.file },
    ...(loaded.referenceFile === undefined
      ? []
      : [{ role: "the scenario's published result (reference)", path: loaded.referenceFile }]),
    ...(loaded.tolerancesFile === undefined
      ? []
      : [{ role: "the scenario's tolerances file", path: loaded.tolerancesFile }]),
    ...loaded.profileFiles.map((path) => ({ role: "the scenario's hardware profile", path: resolve(path) })),
  ];
  return files.filter((input) => existsSync(input.path));
}
