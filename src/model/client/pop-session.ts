import type { RandomStream } from '../../engine/random.js';
import type { PoolTicket } from '../../resources/pool.js';
import type { Cluster, ServerNode } from '../cluster.js';
import { serveCommand } from '../command.js';
import type { CommandDemand } from '../config.js';
import { Step, type SessionOutcome } from '../observer.js';
import type { ClientConfig } from './client-config.js';

/** Receives the STAT result and the end of a delivery-time probe's poll. */
export interface PollListener {
  /** The poll's STAT was served at `date` (seconds). */
  statServed(date: number): void;
  /** The poll's session ended; `stepDate` is when its last reply came. */
  pollEnded(outcome: SessionOutcome, stepDate: number): void;
}

const enum Phase {
  Connect,
  Banner,
  User,
  Pass,
  Stat,
  Retr,
  Dele,
  Quit,
}

const STEP_OF_PHASE: readonly Step[] = [
  Step.PopConnect,
  Step.PopUser,
  Step.PopUser,
  Step.PopPass,
  Step.PopStat,
  Step.PopRetr,
  Step.PopDele,
  Step.PopQuit,
];

/**
 * One POP3 session of a client: connect, then the greeting banner and
 * USER, PASS, STAT, RETR and DELE for each message found, then QUIT. The
 * Connect step is the TCP handshake, which the kernel completes. The
 * banner and every command then wait for one of the node's POP threads
 * and keep it until the reply is written. The User ID step starts when
 * connect() returns, so it includes the wait for the banner. A
 * RETR reply longer than the socket send buffer keeps the thread until
 * the rest has gone out at the client's speed. A banner that does not
 * come within the client's timeout ends the session as a connect error.
 *
 * Timeouts are evaluated when the reply arrives: a reply later than the
 * client's timeout counts as a timed-out step and ends the session. The
 * server does the same work either way, because it only learns of the
 * closed connection when it writes the reply.
 */
export class PopSession {
  private node!: ServerNode;
  private nodeIndex = -1;
  private phase = Phase.Connect;
  private stepDate = 0;
  private messages: number[] = [];
  private messageIndex = 0;
  private retrDate = 0;
  private retrReplyDate = 0;
  private ticket: PoolTicket | null = null;
  private sessionDate = 0;
  private bannerArrived = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly client: ClientConfig,
    private readonly random: RandomStream,
    private readonly account: number,
    private readonly modem: boolean,
    private readonly poll: PollListener | null,
  ) {}

  /** Starts the session at the current instant. */
  start(): void {
    const cluster = this.cluster;
    this.sessionDate = cluster.sim.now;
    this.stepDate = this.sessionDate;
    this.nodeIndex = cluster.popBalancer.connect();
    this.node = cluster.nodes[this.nodeIndex] as ServerNode;
    cluster.connector.connect(
      this.node.popConnections,
      { established: onEstablished, accepted: onConnectionAccepted, failed: onConnectFailed },
      this,
    );
  }

  /** @internal Runs when the server's kernel replies to the SYN. */
  established(): void {
    this.cluster.sim.schedule(this.roundTrip(), onConnectReturned, this);
  }

  /** @internal Runs when the client's connect() returns. */
  connectReturned(): void {
    const now = this.cluster.sim.now;
    this.recordStep(now - this.stepDate, false);
    this.phase = Phase.Banner;
    this.stepDate = now;
    if (this.bannerArrived) this.greet();
  }

  /** @internal Runs when the server's accept() takes the connection. */
  connectionAccepted(): void {
    this.node.popThreads.request(onBannerThreadGranted, this);
  }

  /** @internal */
  bannerThreadGranted(): void {
    const demand = this.cluster.config.pop.connect;
    serveCommand(this.cluster, this.node, demand, 0, 0, 0, onBannerWritten, this);
  }

  /** @internal */
  bannerWritten(): void {
    this.node.popThreads.release();
    this.cluster.sim.schedule(this.roundTrip(), onBannerArrived, this);
  }

  /** @internal Runs when the greeting reaches the client. */
  bannerReceived(): void {
    this.bannerArrived = true;
    if (this.phase === Phase.Banner) this.greet();
  }

  private greet(): void {
    const waited = this.cluster.sim.now - this.stepDate;
    if (waited > this.client.replyTimeout) {
      this.end('connect-error', true);
      return;
    }
    this.send(Phase.User, this.stepDate);
  }

  /** @internal */
  connectFailed(): void {
    this.cluster.popBalancer.disconnect(this.nodeIndex);
    // After connect() returned, a failure means the server never accepted
    // the connection: the client times out waiting for the banner.
    if (this.phase === Phase.Connect) {
      this.recordStep(this.cluster.sim.now - this.stepDate, true);
    }
    this.end('connect-error', false);
  }

  /** @internal Runs once a POP thread is free for the current command. */
  threadGranted(): void {
    this.ticket = null;
    const config = this.cluster.config;
    let extraCpu = 0;
    let extraFilerReads = 0;

    if (this.phase === Phase.Retr) {
      const size = this.messages[this.messageIndex] as number;
      extraCpu = (config.pop.retrCpuPerKb * size) / 1024;
      extraFilerReads = Math.ceil(size / config.filer.transferSize);
    }
    if (this.phase === Phase.Stat && this.poll !== null) {
      this.poll.statServed(this.cluster.sim.now);
    }
    if (this.phase === Phase.Stat && this.poll === null) {
      this.messages = this.cluster.store.takeAll(this.account);
    }

    const demand = this.demandOf(this.phase);
    serveCommand(this.cluster, this.node, demand, extraCpu, extraFilerReads, 0, onServed, this);
  }

  /** @internal Runs when the server has the reply to the current step ready. */
  served(): void {
    const sim = this.cluster.sim;
    const roundTrip = this.roundTrip();
    const replyDate = sim.now + roundTrip;
    const timedOut = replyDate - this.stepDate > this.client.replyTimeout;
    this.retrReplyDate = replyDate;

    if (this.phase !== Phase.Retr || timedOut) {
      this.node.popThreads.release();
      sim.schedule(roundTrip, onReply, this);
      return;
    }

    // The first byte of a RETR reply reaches the client after a round
    // trip. The thread stays blocked in write() until all but the send
    // buffer's worth of the message has gone out.
    const size = this.messages[this.messageIndex] as number;
    const speed = this.speed();
    const hold = Math.max(0, size - this.cluster.config.network.sendBufferBytes) / speed;
    sim.schedule(hold, onRetrWritten, this);
    sim.schedule(roundTrip + size / speed, onReply, this);
  }

  /** @internal */
  retrWritten(): void {
    this.node.popThreads.release();
  }

  /** @internal Runs when the client has the reply (for RETR, the last byte). */
  replyReceived(): void {
    const now = this.cluster.sim.now;
    const isRetr = this.phase === Phase.Retr;
    const firstByteDate = isRetr ? this.retrReplyDate : now;
    const responseTime = firstByteDate - this.stepDate;
    const timedOut = responseTime > this.client.replyTimeout;
    this.recordStep(responseTime, timedOut);

    if (isRetr) {
      // NOTE: a client that disconnects does so after the last byte, so
      // its thread was held for the whole transfer. A real client may drop
      // part-way and free the thread sooner.
      const aborted =
        !timedOut && this.random.next() < this.client.retrieveAbortProbability;
      this.recordRetrieve(now, !timedOut && !aborted);
      if (aborted) return this.end('disconnect', true);
    }
    if (timedOut) return this.end('timeout', true);

    this.advance();
  }

  private advance(): void {
    switch (this.phase) {
      case Phase.Connect:
      case Phase.Banner:
        return;
      case Phase.User:
        return this.send(Phase.Pass);
      case Phase.Pass:
        return this.send(Phase.Stat);
      case Phase.Stat:
        if (this.poll !== null) return this.send(Phase.Quit);
        return this.send(this.messages.length > 0 ? Phase.Retr : Phase.Quit);
      case Phase.Retr:
        return this.send(Phase.Dele);
      case Phase.Dele:
        this.messageIndex++;
        return this.send(
          this.messageIndex < this.messages.length ? Phase.Retr : Phase.Quit,
        );
      case Phase.Quit:
        return this.end('completed', true);
    }
  }

  /** Sends the command of `phase`; its step started at `stepDate`. */
  private send(phase: Phase, stepDate = this.cluster.sim.now): void {
    this.phase = phase;
    this.stepDate = stepDate;
    if (phase === Phase.Retr) this.retrDate = this.stepDate;

    const outcome = this.node.popThreads.request(onThreadGranted, this);
    if (outcome !== null && outcome !== false) this.ticket = outcome;
  }

  private end(outcome: SessionOutcome, connected: boolean): void {
    const cluster = this.cluster;
    if (this.ticket !== null) {
      this.node.popThreads.cancel(this.ticket);
      this.ticket = null;
    }
    if (connected) {
      this.node.popConnections.release();
      cluster.popBalancer.disconnect(this.nodeIndex);
    }

    if (this.poll !== null) {
      this.poll.pollEnded(outcome, cluster.sim.now);
      return;
    }
    cluster.observer.session('pop', this.sessionDate, this.stepDate, outcome);
  }

  private recordStep(responseTime: number, timedOut: boolean): void {
    if (this.poll !== null) return;
    const step = STEP_OF_PHASE[this.phase] as Step;
    this.cluster.observer.step(
      step,
      this.sessionDate,
      this.stepDate,
      responseTime,
      timedOut,
      this.cluster.sim.now,
    );
  }

  private recordRetrieve(now: number, completed: boolean): void {
    if (this.poll !== null) return;
    const size = this.messages[this.messageIndex] as number;
    this.cluster.observer.transfer(
      'pop-retr',
      this.sessionDate,
      this.retrDate,
      now - this.retrDate,
      size,
      completed,
    );
  }

  private demandOf(phase: Phase): CommandDemand {
    const pop = this.cluster.config.pop;
    switch (phase) {
      case Phase.Connect:
      case Phase.Banner:
        return pop.connect;
      case Phase.User:
        return pop.user;
      case Phase.Pass:
        return pop.pass;
      case Phase.Stat:
        return pop.stat;
      case Phase.Retr:
        return pop.retr;
      case Phase.Dele:
        return pop.dele;
      case Phase.Quit:
        return pop.quit;
    }
  }

  private roundTrip(): number {
    return this.modem ? this.client.modemRoundTrip : this.cluster.config.network.lanRoundTrip;
  }

  private speed(): number {
    return this.modem
      ? this.client.modemBytesPerSecond
      : this.cluster.config.network.lanBytesPerSecond;
  }
}

function onEstablished(session: PopSession): void {
  session.established();
}
function onConnectReturned(session: PopSession): void {
  session.connectReturned();
}
function onConnectionAccepted(session: PopSession): void {
  session.connectionAccepted();
}
function onBannerThreadGranted(session: PopSession): void {
  session.bannerThreadGranted();
}
function onBannerWritten(session: PopSession): void {
  session.bannerWritten();
}
function onBannerArrived(session: PopSession): void {
  session.bannerReceived();
}
function onConnectFailed(session: PopSession): void {
  session.connectFailed();
}
function onThreadGranted(session: PopSession): void {
  session.threadGranted();
}
function onServed(session: PopSession): void {
  session.served();
}
function onRetrWritten(session: PopSession): void {
  session.retrWritten();
}
function onReply(session: PopSession): void {
  session.replyReceived();
}
