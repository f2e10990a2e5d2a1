import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import type { InputFile } from './output-path.js';

// NOTE: this repeats the profile search of loadScenario (a path ending in
// .yaml beside the scenario, else hardware-profiles/ beside it or one
// folder up), because LoadedScenario does not list the files it read. It
// keeps every existing candidate, a superset of the file actually read.
function profileCandidates(scenarioFile: string, name: string): string[] {
  const folder = dirname(scenarioFile);
  if (name.endsWith('.yaml')) return [resolve(folder, name)];
  return ['hardware-profiles', '../hardware-profiles'].map((profiles) =>
    join(resolve(folder, profiles), `${name}.yaml`),
  );
}

/**
 * Lists the files a SPECmail2001 run depends on: the scenario, its
 * published result and tolerances (read by `sim validate`) and its
 * hardware profiles. Only files that exist are listed.
 */
export function specmailInputFiles(loaded: LoadedScenario): InputFile[] {
  const { cluster } = loaded.scenario;
  const profiles = [cluster.nodes.hardware, cluster.balancer.hardware, cluster.filer.hardware];
  const files: InputFile[] = [
    { role: 'the scenario', path: loaded.file },
    ...(loaded.referenceFile === undefined
      ? []
      : [{ role: "the scenario's published result (reference)", path: loaded.referenceFile }]),
    ...(loaded.tolerancesFile === undefined
      ? []
      : [{ role: "the scenario's tolerances file", path: loaded.tolerancesFile }]),
    ...profiles.flatMap((name) =>
      profileCandidates(loaded.file, name).map((path) => ({ role: "the scenario's hardware profile", path })),
    ),
  ];
  return files.filter((input) => existsSync(input.path));
}
