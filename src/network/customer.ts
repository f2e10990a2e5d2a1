import type { Distribution } from '../engine/distributions.js';
import type { ScheduledEvent } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { PoolTicket } from '../resources/pool.js';
import type { ClassSpec } from './model.js';
import type { NetworkClassStats } from './station-stats.js';

/** A customer class at run time: its distributions, streams and statistics. */
export interface ClassRuntime {
  readonly spec: ClassSpec;
  readonly index: number;
  readonly interarrival: Distribution | undefined;
  readonly think: Distribution | undefined;
  readonly patience: Distribution | undefined;
  /** Service time at each station, undefined where the class never goes. */
  readonly service: (Distribution | undefined)[];
  readonly serviceStreams: RandomStream[];
  readonly arrivalStream: RandomStream;
  readonly thinkStream: RandomStream;
  readonly patienceStream: RandomStream;
  readonly routeStream: RandomStream;
  readonly stats: NetworkClassStats;
  /** Number given to the next new customer of the class, from 1. */
  nextId: number;
}

/** One customer travelling through the network. */
export interface Customer {
  readonly cls: ClassRuntime;
  readonly id: number;
  /** Label in traces, such as "jobs#3". */
  readonly label: string;
  /** Instant the current visit to the network began, in seconds. */
  entryDate: number;
  /** Instant the customer reached its current station. */
  arrivalDate: number;
  /** Waiting request at a queueing station, null when not waiting. */
  ticket: PoolTicket | null;
  /** Pending reneging event while the customer waits. */
  renegeEvent: ScheduledEvent | null;
  /** Dispatch group that chose the current station, counted as a connection there. */
  dispatchGroup: number;
  /** Station index among the group's members, -1 when not dispatched. */
  dispatchMember: number;
}
