import type { RandomStreams } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { Balancer } from '../resources/balancer.js';
import { DiskArray } from '../resources/disk-array.js';
import { Pool } from '../resources/pool.js';
import { ProcessorSharingCpu } from '../resources/processor-sharing.js';
import { Station } from '../resources/station.js';
import { TcpConnector } from '../resources/tcp-connect.js';
import type { ClusterConfig } from './config.js';
import type { MailStore } from './mail-store.js';
import type { MailObserver } from './observer.js';

/** One SMTP/POP server node and the resources its software uses. */
export class ServerNode {
  readonly cpu: ProcessorSharingCpu;
  /** Local RAID 1 disk holding the SMTP queue. */
  readonly disk: Station;
  /** SMTP session threads; the queue is the listen backlog. */
  readonly smtpSessions: Pool;
  /** Open POP connections; the queue is the listen backlog. */
  readonly popConnections: Pool;
  /** Threads that serve POP commands, one command at a time each. */
  readonly popThreads: Pool;
  /** Threads that deliver queued messages to mailboxes and the sink. */
  readonly deliveryThreads: Pool;

  constructor(
    sim: Simulator,
    readonly index: number,
    config: ClusterConfig,
    streams: RandomStreams,
  ) {
    const name = `node${index + 1}`;
    const { cpu, disk } = config.node;
    this.cpu = new ProcessorSharingCpu(sim, `${name}.cpu`, cpu.cores, cpu.speed);
    this.disk = new Station(sim, `${name}.disk`, disk.servers);
    this.smtpSessions = new Pool(sim, `${name}.smtp-sessions`, {
      capacity: config.smtp.maxSessions,
      queueLimit: config.smtp.acceptBacklog,
    });
    this.popConnections = new Pool(sim, `${name}.pop-connections`, {
      capacity: config.pop.maxConnections,
      queueLimit: config.pop.acceptBacklog,
    });
    this.popThreads = new Pool(sim, `${name}.pop-threads`, {
      capacity: config.pop.threads,
      queueLimit: Infinity,
      discipline: config.pop.queueDiscipline,
      random: streams.stream(`${name}.pop-thread-order`),
    });
    this.deliveryThreads = new Pool(sim, `${name}.delivery-threads`, {
      capacity: config.smtp.deliveryThreads,
      queueLimit: Infinity,
    });
  }

  /** Restarts the statistics of every resource of the node. */
  resetStatistics(): void {
    this.cpu.resetStatistics();
    this.disk.resetStatistics();
    this.smtpSessions.resetStatistics();
    this.popConnections.resetStatistics();
    this.popThreads.resetStatistics();
    this.deliveryThreads.resetStatistics();
  }
}

/** The NFS filer: NVRAM that logs writes, and data disks that serve reads. */
export class Filer {
  readonly nvram: Station;
  readonly disks: DiskArray;

  constructor(sim: Simulator, config: ClusterConfig['filer'], streams: RandomStreams) {
    this.nvram = new Station(sim, 'filer.nvram', config.nvramServers);
    this.disks = new DiskArray(
      sim,
      'filer',
      config.dataDisks,
      config.diskReadTime,
      streams.stream('filer.disk-choice'),
    );
  }

  /** Restarts statistics at the current instant. */
  resetStatistics(): void {
    this.nvram.resetStatistics();
    this.disks.resetStatistics();
  }
}

/**
 * The mail cluster: server nodes behind a balancer for each service, a
 * shared NFS filer holding the mailboxes, and a directory server.
 */
export class Cluster {
  readonly nodes: ServerNode[];
  readonly filer: Filer;
  readonly directory: ProcessorSharingCpu;
  readonly smtpBalancer: Balancer;
  readonly popBalancer: Balancer;
  readonly connector: TcpConnector;

  constructor(
    readonly sim: Simulator,
    readonly config: ClusterConfig,
    readonly store: MailStore,
    readonly observer: MailObserver,
    streams: RandomStreams,
  ) {
    this.nodes = [];
    for (let i = 0; i < config.nodeCount; i++) {
      this.nodes.push(new ServerNode(sim, i, config, streams));
    }
    this.filer = new Filer(sim, config.filer, streams);
    this.directory = new ProcessorSharingCpu(
      sim,
      'directory.cpu',
      config.directory.cpu.cores,
      config.directory.cpu.speed,
    );

    const policy = config.balancer.policy;
    const count = config.nodeCount;
    this.smtpBalancer = new Balancer('smtp', count, policy, streams.stream('balancer.smtp'));
    this.popBalancer = new Balancer('pop', count, policy, streams.stream('balancer.pop'));
    this.connector = new TcpConnector(
      sim,
      {
        synRetryDelays: config.network.synRetryDelays,
        synAckRetryDelays: config.network.synAckRetryDelays,
        synLossProbability: config.network.synLossProbability,
        ackLossProbability: config.network.ackLossProbability,
        retransmitLossProbability: config.network.retransmitLossProbability,
      },
      streams.stream('network.syn-loss'),
    );
  }

  /** Restarts the statistics of every resource. */
  resetStatistics(): void {
    for (const node of this.nodes) node.resetStatistics();
    this.filer.resetStatistics();
    this.directory.resetStatistics();
    this.smtpBalancer.assigned.fill(0);
    this.popBalancer.assigned.fill(0);
  }
}
