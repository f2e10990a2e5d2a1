import type { BalancerPolicy } from '../resources/balancer.js';

/** A CPU: cores and speed relative to the reference CPU. */
export interface CpuConfig {
  cores: number;
  /** Speed relative to the reference CPU (a Pentium III at 1 GHz = 1). */
  speed: number;
}

/**
 * Work one protocol command puts on the resources it uses. CPU work is in
 * seconds on the reference CPU; disk writes, filer operations and
 * directory lookups are counts.
 */
export interface CommandDemand {
  /** CPU seconds per command on the reference CPU. */
  cpu: number;
  /** Synchronous writes to the node's local disk per command. */
  diskWrites: number;
  /** NFS reads that reach the filer's disks, per command. */
  filerReads: number;
  /** NFS writes (and other updates) the filer logs in NVRAM, per command. */
  filerWrites: number;
  /** LDAP lookups on the directory server per command. */
  directoryLookups: number;
  /**
   * Seconds the command waits on a service outside the model, such as a
   * reverse DNS lookup. The command keeps its thread meanwhile.
   */
  externalWait: number;
}

/** Hardware and software of the mail cluster, as the model runs it. */
export interface ClusterConfig {
  nodeCount: number;
  node: {
    cpu: CpuConfig;
    /** Local disk (RAID 1) holding the SMTP queue. */
    disk: { servers: number; writeTime: number };
  };
  balancer: { policy: BalancerPolicy };
  directory: {
    cpu: CpuConfig;
    /** CPU seconds per LDAP lookup on the reference CPU. */
    lookupCpu: number;
  };
  filer: {
    /** Data disks; each read waits for the one disk that holds its block. */
    dataDisks: number;
    /** Service time of one random disk read, in seconds. */
    diskReadTime: number;
    /** Writes the filer's NVRAM logs in parallel. */
    nvramServers: number;
    /** Service time of one NFS write logged in NVRAM, in seconds. */
    nvramWriteTime: number;
    /** NFS read and write size in bytes (rsize and wsize). */
    transferSize: number;
  };
  network: {
    /** Pauses before each SYN retransmission, in seconds. */
    synRetryDelays: number[];
    /** Pauses before each SYN-ACK retransmission by a server, in seconds. */
    synAckRetryDelays: number[];
    /** Probability that one SYN is lost between client and server. */
    synLossProbability: number;
    /** Probability that the client's final handshake ACK is lost. */
    ackLossProbability: number;
    /** Probability that a retransmitted SYN or ACK is lost too. */
    retransmitLossProbability: number;
    /** Bytes per second between servers and to LAN clients. */
    lanBytesPerSecond: number;
    /** Round trip between LAN hosts, in seconds. */
    lanRoundTrip: number;
    /**
     * Bytes of a reply the server's TCP send buffer takes at once; a
     * thread writing a longer reply blocks until the rest has gone out.
     */
    sendBufferBytes: number;
  };
  smtp: {
    /** Concurrent SMTP sessions per node (one thread each). */
    maxSessions: number;
    /** Listen backlog of the SMTP port. */
    acceptBacklog: number;
    /** Threads per node that deliver queued messages. */
    deliveryThreads: number;
    connect: CommandDemand;
    command: CommandDemand;
    /** RCPT TO of a local recipient (looked up in the directory). */
    localRecipient: CommandDemand;
    /** DATA command; the server replies 354 once the queue file exists. */
    data: CommandDemand;
    /** End of the message body; the server replies 250 once it is queued. */
    dataEnd: CommandDemand;
    /** CPU seconds per KB of message body, on top of `dataEnd`. */
    dataCpuPerKb: number;
    /** Local delivery of one message into one mailbox. */
    localDelivery: CommandDemand;
    localDeliveryCpuPerKb: number;
    /** Relay of one message to a remote server. */
    remoteDelivery: CommandDemand;
  };
  pop: {
    /** Open POP connections per node. */
    maxConnections: number;
    /** Listen backlog of the POP port. */
    acceptBacklog: number;
    /** Threads per node that serve POP commands, one command each. */
    threads: number;
    /** Order in which waiting commands get a thread. */
    queueDiscipline: 'fifo' | 'random';
    connect: CommandDemand;
    user: CommandDemand;
    pass: CommandDemand;
    stat: CommandDemand;
    /** RETR: per message, plus CPU per KB and one filer read per NFS transfer. */
    retr: CommandDemand;
    retrCpuPerKb: number;
    dele: CommandDemand;
    quit: CommandDemand;
  };
}
