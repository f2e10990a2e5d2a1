import type { EventHandler } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import type { Pool } from './pool.js';

/** TCP connection set-up as the client's and server's kernels perform it. */
export interface TcpConnectOptions {
  /**
   * Pauses before each retransmission of a lost SYN by the client, in
   * seconds. Linux 2.4 waits 3 s, then 6 s and 12 s more.
   */
  synRetryDelays: readonly number[];
  /**
   * Pauses before each retransmission of the server's SYN-ACK when the
   * client's ACK was lost or dropped, in seconds. After the last one the
   * server drops the half-open connection. Linux 2.4 waits 3, 6, 12, 24 and 48 s.
   */
  synAckRetryDelays: readonly number[];
  /** Probability that a connection's first SYN is lost on the way. */
  synLossProbability: number;
  /**
   * Probability that the client's final handshake ACK is lost. The
   * client's connect() has returned, but the server's kernel queues the
   * connection for accept() only when the ACK to a retransmitted
   * SYN-ACK arrives, so the server accepts it one retry delay later.
   */
  ackLossProbability: number;
  /**
   * Probability that a retransmission (SYN or ACK) is lost too. Losses on
   * a congested path come in bursts, so this can exceed the first-packet
   * probabilities.
   */
  retransmitLossProbability: number;
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

  const options = connector.options;
  const lossProbability =
    attempt.retries === 0 ? options.synLossProbability : options.retransmitLossProbability;
  const lost = connector.random.next() < lossProbability;
  if (!lost) {
    attempt.callbacks.established(attempt.arg);
    attempt.retries = 0;
    sendAck(attempt);
    return;
  }

  connector.synsLost++;
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
  const options = connector.options;
  const lossProbability =
    attempt.retries === 0 ? options.ackLossProbability : options.retransmitLossProbability;
  const lost = connector.random.next() < lossProbability;

  if (lost) {
    connector.acksLost++;
  } else if (attempt.pool.request(attempt.callbacks.accepted, attempt.arg) !== false) {
    return;
  } else {
    // The accept queue is full: the server's kernel drops the ACK and
    // keeps the connection half-open until the ACK to a retransmitted
    // SYN-ACK arrives while there is room.
    connector.acksDropped++;
  }

  const delay = options.synAckRetryDelays[attempt.retries];
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
 * is the listen backlog. A SYN lost on the way is sent again after each
 * delay of the client's retry schedule; after the last, connect() fails.
 * Once the server replies with its SYN-ACK, connect() returns on the client. The client's
 * final ACK may be lost, or dropped because the accept queue is full (as
 * Linux 2.4 does); the server then retransmits its SYN-ACK on its own
 * schedule and accepts the connection only when an ACK finds room. After
 * its last retransmission it gives up, and the client, which believes it
 * is connected, never gets a greeting.
 */
export class TcpConnector {
  /** SYNs sent, first attempts and retransmissions together. */
  synsSent = 0;
  /** SYNs lost on the way. */
  synsLost = 0;
  /** Final handshake ACKs lost on the way. */
  acksLost = 0;
  /** Final handshake ACKs dropped because the accept queue was full. */
  acksDropped = 0;

  constructor(
    readonly sim: Simulator,
    readonly options: TcpConnectOptions,
    readonly random: RandomStream,
  ) {}

  /**
   * Connects to the server behind `pool`. Either `failed` runs, or
   * `established` and then, at once or later, `accepted`; `failed` also
   * runs after `established` when the server gives up on the handshake.
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
