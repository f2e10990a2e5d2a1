import type { EventHandler } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import type { Pool } from './pool.js';

/** TCP connection set-up as the client's and server's kernels perform it. */
export interface TcpConnectOptions {
  /**
   * Pauses before each retransmission of a lost handshake packet, in
   * seconds. Linux 2.4 waits 3 s, then 6 s and 12 s more.
   */
  synRetryDelays: readonly number[];
  /** Probability that a SYN is lost on the way, independent per SYN. */
  synLossProbability: number;
  /**
   * Probability that the client's final handshake ACK is lost. The
   * client's connect() has returned, but the server's kernel queues the
   * connection for accept() only when a retransmitted SYN-ACK is
   * answered, so the server sees it one retry delay later.
   */
  ackLossProbability: number;
}

/** Outcome callbacks of a connection attempt. */
export interface ConnectCallbacks<A> {
  /** The handshake completed on the client side: connect() returned. */
  established: EventHandler<A>;
  /** The server's application accepted the connection (a pool unit). */
  accepted: EventHandler<A>;
  /** Every SYN was dropped or lost; connect() failed. */
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
  if (!lost && !attempt.pool.isFull()) {
    attempt.callbacks.established(attempt.arg);
    attempt.retries = 0;
    sendAck(attempt);
    return;
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

function sendAck(attempt: Attempt): void {
  const connector = attempt.connector;
  const delays = connector.options.synRetryDelays;
  const lost = connector.random.next() < connector.options.ackLossProbability;

  // After the last retransmission the connection is taken as accepted:
  // every packet of a handshake lost is too rare to model.
  if (lost && attempt.retries < delays.length) {
    connector.acksLost++;
    const delay = delays[attempt.retries] as number;
    attempt.retries++;
    connector.sim.schedule(delay, sendAck, attempt);
    return;
  }
  if (attempt.pool.request(attempt.callbacks.accepted, attempt.arg) !== false) return;

  // The backlog filled up while the ACK was on its way: the server drops
  // it and retransmits its SYN-ACK like a lost ACK, until it gives up.
  connector.acksLost++;
  const delay = delays[attempt.retries];
  if (delay === undefined) {
    attempt.callbacks.failed(attempt.arg);
    return;
  }
  attempt.retries++;
  connector.sim.schedule(delay, sendAck, attempt);
}

/**
 * Opens connections to servers whose accept queue is a `Pool`: the pool's
 * units are the connections the application has accepted and its queue
 * is the listen backlog. A SYN that finds the backlog full is dropped,
 * as is one lost on the way, and the client's kernel sends it again after
 * each delay of the retry schedule; after the last, connect() fails.
 */
export class TcpConnector {
  /** SYNs sent, first attempts and retransmissions together. */
  synsSent = 0;
  /** SYNs dropped by a full backlog or lost on the way. */
  synsDropped = 0;
  /** Final handshake ACKs lost or dropped, each delaying the accept. */
  acksLost = 0;

  constructor(
    readonly sim: Simulator,
    readonly options: TcpConnectOptions,
    readonly random: RandomStream,
  ) {}

  /**
   * Connects to the server behind `pool`. Either `failed` runs, or
   * `established` and later (or at once) `accepted`. `failed` may also run
   * after `established` when the backlog stays full through every
   * SYN-ACK retransmission.
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
