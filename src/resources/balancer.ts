import type { RandomStream } from '../engine/random.js';

/** Policy by which a balancer chooses a target for a new connection. */
export type BalancerPolicy = 'least-connection' | 'round-robin' | 'random';

/**
 * A connection balancer in front of `targets` servers, such as a Linux
 * Virtual Server director for one virtual service. It counts the open
 * connections it has sent to each target; with direct routing the replies
 * bypass it, so choosing a target is all the work it does.
 *
 * Least-connection picks the target with the fewest open connections and
 * breaks ties by the lowest index, as the IPVS scheduler scans its list.
 */
export class Balancer {
  private readonly open: Int32Array;
  private nextRoundRobin = 0;
  /** Connections sent to each target since the last reset. */
  readonly assigned: Float64Array;

  constructor(
    readonly name: string,
    readonly targets: number,
    readonly policy: BalancerPolicy,
    private readonly random: RandomStream,
  ) {
    if (!Number.isInteger(targets) || targets < 1) {
      throw new RangeError(`balancer ${name}: targets ${targets} must be >= 1`);
    }
    this.open = new Int32Array(targets);
    this.assigned = new Float64Array(targets);
  }

  /** Chooses a target for a new connection and counts it as open. */
  connect(): number {
    const target = this.choose();
    this.open[target] = (this.open[target] as number) + 1;
    this.assigned[target] = (this.assigned[target] as number) + 1;
    return target;
  }

  /** Records that a connection to `target` has closed. */
  disconnect(target: number): void {
    if (!Number.isInteger(target) || target < 0 || target >= this.targets) {
      throw new RangeError(
        `balancer ${this.name}: target ${target} must be an integer from 0 to ${this.targets - 1}`,
      );
    }
    if (this.open[target] === 0) {
      throw new Error(`balancer ${this.name}: close without open connection`);
    }
    this.open[target] = (this.open[target] as number) - 1;
  }

  /** Open connections to `target` now. */
  openConnections(target: number): number {
    return this.open[target] as number;
  }

  private choose(): number {
    switch (this.policy) {
      case 'least-connection': {
        let best = 0;
        for (let i = 1; i < this.targets; i++) {
          if ((this.open[i] as number) < (this.open[best] as number)) best = i;
        }
        return best;
      }
      case 'round-robin': {
        const target = this.nextRoundRobin;
        this.nextRoundRobin = (target + 1) % this.targets;
        return target;
      }
      case 'random':
        return Math.floor(this.random.next() * this.targets);
    }
  }
}
