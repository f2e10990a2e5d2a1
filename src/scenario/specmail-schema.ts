import { z } from 'zod';
import { SPECMAIL2001_DEFAULTS as D } from '../workload/specmail2001/parameters.js';

const share = z.number().min(0).max(1);
const positive = z.number().positive();
/**
 * Maximum phase of a level, in simulated seconds (about 11.6 days, as for
 * --duration): a full-scale level simulates an hour in about 6 s of CPU.
 */
const MAX_PHASE_SECONDS = 1_000_000;
const phaseSeconds = z.number().min(0).max(MAX_PHASE_SECONDS);
const nonNegative = z.number().min(0);

const table = z
  .strictObject({
    values: z.array(positive).min(1),
    percent: z.array(nonNegative).min(1),
  })
  .refine((t) => t.values.length === t.percent.length, {
    message: 'values and percent must have the same length',
  });

/**
 * Work of one command: CPU ms on the reference CPU, synchronous writes to
 * the local disk, NFS reads that reach the filer's disks, NFS writes, LDAP
 * lookups, and ms spent waiting on a service the model leaves out.
 */
const demand = z.strictObject({
  cpuMs: nonNegative,
  diskWrites: nonNegative.default(0),
  filerReads: nonNegative.default(0),
  filerWrites: nonNegative.default(0),
  directoryLookups: nonNegative.default(0),
  externalWaitMs: nonNegative.default(0),
});

const workload = z.strictObject({
  /** From 10 to 5,000,000 users at 100 % load. */
  ratingMpm: z.number().min(0.05).max(25000).default(D.ratingMpm),
  usersPerMpm: positive.default(D.usersPerMpm),
  levels: z.array(z.number().positive().max(1000)).min(1).default(D.levels),
  messagesSentPerUserDay: positive.default(D.messagesSentPerUserDay),
  popChecksPerUserDay: positive.default(D.popChecksPerUserDay),
  repeatedChecksPerUserDay: nonNegative.default(D.repeatedChecksPerUserDay),
  busyHourShare: share.default(D.busyHourShare),
  remoteRecipientShare: share.default(D.remoteRecipientShare),
  remoteSenderRatio: nonNegative.default(D.remoteSenderRatio),
  modemShare: share.default(D.modemShare),
  messageSizeKb: table.default(D.messageSizeKb),
  recipientsPerMessage: table.default(D.recipientsPerMessage),
  retryPoolShare: share.default(D.retryPoolShare),
  deliveryProbeShare: share.default(D.deliveryProbeShare),
  smtpDisconnectShare: share.default(D.smtpDisconnectShare),
  qos: z
    .strictObject({
      stepLimitSeconds: positive.default(D.qos.stepLimit),
      transferBytesPerSecond: positive.default(D.qos.transferBytesPerSecond),
      deliveryLimitSeconds: positive.default(D.qos.deliveryLimit),
      requiredPercent: z.number().min(0).max(100).default(D.qos.requiredPercent),
      maxErrorPercent: z.number().min(0).max(100).default(D.qos.maxErrorPercent),
    })
    .prefault({}),
  phases: z
    .strictObject({
      warmupSeconds: phaseSeconds.default(D.phases.warmup),
      /** Defaults to the whole warm-up. */
      rampUpSeconds: phaseSeconds.optional(),
      measurementSeconds: positive.max(MAX_PHASE_SECONDS).default(D.phases.measurement),
      rampDownSeconds: phaseSeconds.default(D.phases.rampDown),
    })
    .refine((p) => p.rampUpSeconds === undefined || p.rampUpSeconds <= p.warmupSeconds, {
      message: 'rampUpSeconds must not exceed warmupSeconds; lower rampUpSeconds or raise warmupSeconds',
      path: ['rampUpSeconds'],
    })
    .prefault({}),
  clients: z
    .strictObject({
      modemBytesPerSecond: positive.default(D.clients.modemBytesPerSecond),
      modemRoundTripMs: nonNegative.default(D.clients.modemRoundTrip * 1000),
      replyTimeoutSeconds: positive.default(D.clients.replyTimeout),
      retrieveAbortProbability: share.default(D.clients.retrieveAbortProbability),
      probePollIntervalSeconds: positive.default(D.clients.probePollInterval),
      probeGiveUpSeconds: positive.default(D.clients.probeGiveUp),
    })
    .prefault({}),
});

const cluster = z.strictObject({
  nodes: z.strictObject({
    count: z.number().int().min(1).max(1000),
    /** Name of a server profile in hardware-profiles/. */
    hardware: z.string().min(1),
  }),
  balancer: z.strictObject({
    hardware: z.string().min(1),
    policy: z.enum(['least-connection', 'round-robin', 'random']),
  }),
  directory: z.strictObject({
    /** The directory server shares the balancer's machine. */
    runsOn: z.literal('balancer'),
    lookupCpuMs: positive,
  }),
  filer: z.strictObject({
    hardware: z.string().min(1),
    /** NFS rsize and wsize, in bytes. */
    transferSizeBytes: z.number().int().positive(),
  }),
  network: z.strictObject({
    synRetryDelaysSeconds: z.array(positive),
    synAckRetryDelaysSeconds: z.array(positive),
    synLossProbability: share,
    ackLossProbability: share,
    retransmitLossProbability: share,
    lanBytesPerSecond: positive,
    lanRoundTripMs: nonNegative,
    sendBufferBytes: nonNegative,
  }),
});

const software = z.strictObject({
  smtp: z.strictObject({
    maxSessions: z.number().int().min(1),
    acceptBacklog: z.number().int().min(0),
    deliveryThreads: z.number().int().min(1),
    connect: demand,
    command: demand,
    localRecipient: demand,
    data: demand,
    dataEnd: demand,
    dataCpuMsPerKb: nonNegative,
    localDelivery: demand,
    localDeliveryCpuMsPerKb: nonNegative,
    remoteDelivery: demand,
  }),
  pop: z.strictObject({
    maxConnections: z.number().int().min(1),
    acceptBacklog: z.number().int().min(0),
    threads: z.number().int().min(1),
    /** Order in which waiting commands get a thread. */
    queueDiscipline: z.enum(['fifo', 'random']).default('fifo'),
    connect: demand,
    user: demand,
    pass: demand,
    stat: demand,
    retr: demand,
    retrCpuMsPerKb: nonNegative,
    dele: demand,
    quit: demand,
  }),
});

/** A scenario that replays SPECmail2001 through a mail cluster. */
export const specmailScenarioSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.literal('specmail2001'),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  /**
   * Published result to compare with, relative to the scenario file; null
   * (as `--set reference=` gives) means none.
   */
  reference: z.string().min(1).nullish(),
  /** Tolerances of `sim validate`, relative to the scenario file. */
  tolerances: z.string().min(1).nullish(),
  workload: workload.prefault({}),
  cluster,
  software,
});

export type SpecmailScenario = z.output<typeof specmailScenarioSchema>;
export type DemandInput = z.output<typeof demand>;
