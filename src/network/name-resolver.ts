import { suggestClosest } from '../scenario/errors.js';
import { EXIT, type Target } from './model.js';
import type { ProblemList } from './problems.js';

type KeyPath = (string | number)[];

/**
 * Turns the station and dispatch-group names of a scenario into indexes,
 * recording an unknown name as a problem at its key path with the closest
 * known name. An unknown name resolves to -1.
 */
export class NameResolver {
  private readonly targets: string[];

  constructor(
    readonly stations: readonly string[],
    readonly groups: readonly string[],
    private readonly problems: ProblemList,
  ) {
    this.targets = [...stations, ...groups];
  }

  /** Returns the index of a station. */
  station(name: string, path: KeyPath): number {
    const index = this.stations.indexOf(name);
    if (index < 0) this.problems.add(path, unknownName(name, 'station', this.stations));
    return index;
  }

  /** Returns the target of a station or group name, or EXIT for "exit" when allowed. */
  target(name: string, path: KeyPath, allowExit: boolean): Target {
    if (allowExit && name === 'exit') return EXIT;
    const index = this.targets.indexOf(name);
    if (index < 0) {
      const known = allowExit ? [...this.targets, 'exit'] : this.targets;
      this.problems.add(path, unknownName(name, 'station or dispatch group', known));
    }
    return index;
  }

  /** Records names that collide: a group named like a station, or "exit". */
  checkNames(): void {
    for (const name of this.groups) {
      if (this.stations.includes(name)) {
        const message = `"${name}" is also a station name; give the group another name.`;
        this.problems.add(['dispatch', name], message);
      }
    }
    for (const name of this.targets) {
      if (name !== 'exit') continue;
      const section = this.stations.includes(name) ? 'stations' : 'dispatch';
      const message = '"exit" is reserved for leaving the network; choose another name.';
      this.problems.add([section, name], message);
    }
  }
}

function unknownName(name: string, noun: string, known: readonly string[]): string {
  const suggestion = suggestClosest(name, known);
  const hint = suggestion === undefined ? '' : ` did you mean "${suggestion}"?`;
  return `unknown ${noun} "${name}";${hint} Known: ${known.join(', ')}.`;
}
