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
  Step.PopPass,
  Step.PopStat,
  Step.PopRetr,
  Step.PopDele,
  Step.PopQuit,
];

/**
 * One POP3 session of a client: connect (banner), USER, PASS, STAT, then
 * RETR and DELE for each message found, then QUIT. The server accepts the
 * connection and sends the banner without a worker thread; every later
 * command waits for one of the node's POP threads and holds it until its
 * reply is written. A RETR reply longer than the socket send buffer keeps
 * the thread until the rest has gone out at the client's speed.
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
      { accepted: onConnectionAccepted, failed: onConnectFailed },
      this,
    );
  }

  /** @internal */
  connectionAccepted(): void {
    const demand = this.cluster.config.pop.connect;
    serveCommand(this.cluster, this.node, demand, 0, 0, onServed, this);
  }

  /** @internal */
  connectFailed(): void {
    this.cluster.popBalancer.disconnect(this.nodeIndex);
    const now = this.cluster.sim.now;
    this.recordStep(now - this.stepDate, true);
    this.end('connect-error', false);
  }

  /** @internal Runs once a POP thread is free for the current command. */
  threadGranted(): void {
    this.ticket = null;
    const config = this.cluster.config;
    let extraCpu = 0;
    let extraFilerOps = 0;

    if (this.phase === Phase.Retr) {
      const size = this.messages[this.messageIndex] as number;
      extraCpu = (config.pop.retrCpuPerKb * size) / 1024;
      extraFilerOps = Math.ceil(size / config.filer.transferSize);
    }
    if (this.phase === Phase.Stat && this.poll !== null) {
      this.poll.statServed(this.cluster.sim.now);
    }
    if (this.phase === Phase.Stat && this.poll === null) {
      this.messages = this.cluster.store.takeAll(this.account);
    }

    const demand = this.demandOf(this.phase);
    serveCommand(this.cluster, this.node, demand, extraCpu, extraFilerOps, onServed, this);
  }

  /** @internal Runs when the server has the reply to the current step ready. */
  served(): void {
    const sim = this.cluster.sim;
    const roundTrip = this.roundTrip();
    const replyDate = sim.now + roundTrip;
    const timedOut = replyDate - this.stepDate > this.client.replyTimeout;
    this.retrReplyDate = replyDate;

    if (this.phase === Phase.Connect) {
      sim.schedule(roundTrip, onReply, this);
      return;
    }
    if (this.phase !== Phase.Retr || timedOut) {
      this.node.popThreads.release();
      sim.schedule(roundTrip, onReply, this);
      return;
    }

    // The first byte of a RETR reply reaches the client after a round
    // trip; the thread stays blocked in write() until all but the send
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
        return this.send(Phase.User);
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

  private send(phase: Phase): void {
    this.phase = phase;
    this.stepDate = this.cluster.sim.now;
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
    cluster.observer.session('pop', this.sessionDate, outcome);
  }

  private recordStep(responseTime: number, timedOut: boolean): void {
    if (this.poll !== null) return;
    const step = STEP_OF_PHASE[this.phase] as Step;
    this.cluster.observer.step(step, this.sessionDate, this.stepDate, responseTime, timedOut);
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

function onConnectionAccepted(session: PopSession): void {
  session.connectionAccepted();
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
