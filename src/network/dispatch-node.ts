import type { RandomStream } from '../engine/random.js';
import { Balancer } from '../resources/balancer.js';
import type { DispatchSpec } from './model.js';
import type { StationNode } from './station-node.js';

/**
 * A dispatch group at run time: chooses one of its stations for each
 * customer. Random, round-robin and least-connection use a `Balancer`,
 * whose connection count at a station is the number of customers this
 * group sent there that are still present (waiting or in service).
 * Shortest-queue picks the station with the fewest customers waiting,
 * counting every class. Ties go to the station listed first.
 */
export class DispatchNode {
  private readonly balancer: Balancer | undefined;

  constructor(
    readonly spec: DispatchSpec,
    random: RandomStream,
    private readonly nodes: readonly StationNode[],
  ) {
    if (spec.policy !== 'shortest-queue') {
      this.balancer = new Balancer(spec.name, spec.stations.length, spec.policy, random);
    }
  }

  /** Chooses a member for a new customer; returns its index in the group. */
  choose(): number {
    if (this.balancer !== undefined) return this.balancer.connect();

    const stations = this.spec.stations;
    let best = 0;
    let fewest = Infinity;
    for (let member = 0; member < stations.length; member++) {
      const waiting = this.nodes[stations[member] as number]!.stats.waiting;
      if (waiting < fewest) {
        fewest = waiting;
        best = member;
      }
    }
    return best;
  }

  /** Records that a customer this group sent to `member` has left it. */
  release(member: number): void {
    this.balancer?.disconnect(member);
  }
}
