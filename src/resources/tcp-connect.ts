import type { EventHandler } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import type { Pool } from './pool.js';

/** TCP connection set-up as a client's kernel performs it. */
export interface TcpConnectOptions {
  /**
   * Pauses before each SYN retransmission, in seconds. Linux 2.4 waits
   * 3 s, then 6 s, 12 s and 24 s more (exponential back-off).
   */
  synRetryDelays: readonly number[];
  /** Probability that a SYN is lost on the way, independent per SYN. */
  synLossProbability: number;
}

/** Outcome callbacks of a connection attempt. */
export interface ConnectCallbacks<A> {
  /** Runs once the server has a slot for the connection. */
  accepted: EventHandler<A>;
  /** Runs when every SYN was dropped or lost. */
  failed: EventHandler<A>;
}

interface Attempt {
  readonly connector: TcpConnector;
  readonly pool: Pool;
  readonly callbacks: ConnectCallbacks<unknown>;
  readonly arg: unknown;
  retries: number;
}

function sendSyn(attempt: Attempt): void {
  const connector = attempt.connector;
  connector.synsSent++;

  const lost = connector.random.next() < connector.options.synLossProbability;
  if (!lost) {
    const outcome = attempt.pool.request(attempt.callbacks.accepted, attempt.arg);
    if (outcome !== false) return;
  }

  connector.synsDropped++;
  const delay = connector.options.synRetryDelays[attempt.retries];
  if (delay === undefined) {
    attempt.callbacks.failed(attempt.arg);
    return;
  }
  attempt.retries++;
  connector.sim.schedule(delay, sendSyn, attempt);
}

/**
 * Opens connections to servers whose accept backlog is a `Pool`: the
 * pool's units are the server's connection slots and its queue is the
 * listen backlog. A SYN that finds the backlog full is dropped, and the
 * client's kernel sends it again after each delay of the retry schedule.
 */
export class TcpConnector {
  /** SYNs sent, first attempts and retransmissions together. */
  synsSent = 0;
  /** SYNs dropped by a full backlog or lost on the way. */
  synsDropped = 0;

  constructor(
    readonly sim: Simulator,
    readonly options: TcpConnectOptions,
    readonly random: RandomStream,
  ) {}

  /**
   * Connects to the server behind `pool`; exactly one of the callbacks
   * runs, synchronously when the first SYN is accepted.
   */
  connect<A>(pool: Pool, callbacks: ConnectCallbacks<A>, arg: A): void {
    sendSyn({
      connector: this,
      pool,
      callbacks: callbacks as ConnectCallbacks<unknown>,
      arg,
      retries: 0,
    });
  }
}
