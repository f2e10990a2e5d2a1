import { z } from 'zod';

const positive = z.number().positive();
const nonNegative = z.number().min(0);
const name = z
  .string()
  .regex(
    /^[A-Za-z][\w-]*$/,
    'a name must start with a letter and contain only letters, digits, _ and -',
  );

/**
 * A distribution of service, inter-arrival, think or patience times, in
 * seconds. `hyperexponential` (H2, balanced means) and `lognormal` are given
 * by their mean and squared coefficient of variation (scv).
 */
export const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exponential'), mean: positive }),
  z.strictObject({ type: z.literal('deterministic'), value: nonNegative }),
  z
    .strictObject({ type: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
  z.strictObject({
    type: z.literal('erlang'),
    mean: positive,
    k: z.number().int().min(1).max(1000),
  }),
  z.strictObject({ type: z.literal('hyperexponential'), mean: positive, scv: z.number().min(1) }),
  z.strictObject({ type: z.literal('lognormal'), mean: positive, scv: positive }),
  z
    .strictObject({
      type: z.literal('empirical'),
      values: z.array(nonNegative).min(1),
      weights: z.array(nonNegative).min(1),
    })
    .refine((d) => d.values.length === d.weights.length, {
      message: 'values and weights must have the same length',
      path: ['weights'],
    })
    .refine((d) => d.weights.some((weight) => weight > 0), {
      message: 'at least one weight must be above 0',
      path: ['weights'],
    }),
]);

/** Queueing discipline of a station. */
export const STATION_TYPES = ['fcfs', 'ps', 'delay', 'priority'] as const;

const station = z.strictObject({
  /**
   * fcfs: first-come first-served; ps: processor sharing; delay: infinite
   * servers (no queue); priority: non-preemptive priority by class.
   */
  type: z.enum(STATION_TYPES).default('fcfs'),
  /** Servers (cores for ps); ignored by delay stations. */
  servers: z.number().int().min(1).max(100_000).default(1),
  /** Maximum number of customers in the station, waiting or in service; unlimited when left out. */
  capacity: z.number().int().min(1).optional(),
  /** Service time of every class that does not give its own. */
  service: distributionSchema.optional(),
  description: z.string().optional(),
});

/** Policies by which a dispatch group chooses one of its stations. */
export const DISPATCH_POLICIES = [
  'random',
  'round-robin',
  'least-connection',
  'shortest-queue',
] as const;

const dispatchGroup = z.strictObject({
  policy: z.enum(DISPATCH_POLICIES),
  stations: z.array(name).min(1),
});

const customerClass = z.strictObject({
  /** Poisson arrivals, customers per second (an open class). */
  arrivalRate: positive.optional(),
  /** Time between arrivals, for open classes that are not Poisson. */
  interarrival: distributionSchema.optional(),
  /** Customers that circulate forever (a closed class). */
  population: z.number().int().min(1).max(1_000_000).optional(),
  /** Closed classes: time outside the stations before each new cycle. */
  think: distributionSchema.optional(),
  /** Station or dispatch group where a customer enters. */
  start: name,
  /** Per-station service time of this class, overriding the station's. */
  service: z.record(name, distributionSchema).default({}),
  /** From each station, the probability of each next station or group; the rest exits. */
  routing: z.record(name, z.record(name, z.number().min(0).max(1))).default({}),
  /** Priority at priority stations; 0 is served first. */
  priority: z.number().int().min(0).max(100).default(0),
  /** Maximum time a customer waits in a queue before it leaves (reneges). */
  patience: distributionSchema.optional(),
  description: z.string().optional(),
});

const warmup = z.union([
  nonNegative,
  z.strictObject({ seconds: nonNegative }),
  z.strictObject({ customers: z.number().int().min(0) }),
]);

/** A general queueing network: stations, dispatch groups and customer classes. */
export const networkScenarioSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.literal('network'),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  /** Independent runs; their spread gives the confidence intervals. */
  replications: z.number().int().min(1).max(1000).default(1),
  /** Batches of the measurement when there is 1 replication. */
  batches: z.number().int().min(2).max(1000).default(20),
  /** Discarded start of every replication: seconds, or customers that left the network. */
  warmup: warmup.default(0),
  /** Measured time of every replication, in seconds. */
  duration: positive,
  stations: z.record(name, station).refine((s) => Object.keys(s).length > 0, {
    message: 'give at least one station',
  }),
  dispatch: z.record(name, dispatchGroup).default({}),
  classes: z.record(name, customerClass).refine((c) => Object.keys(c).length > 0, {
    message: 'give at least one class',
  }),
});

export type NetworkScenario = z.output<typeof networkScenarioSchema>;
export type DistributionInput = z.output<typeof distributionSchema>;
export type StationInput = z.output<typeof station>;
export type ClassInput = z.output<typeof customerClass>;
export type DispatchPolicy = (typeof DISPATCH_POLICIES)[number];
export type StationType = (typeof STATION_TYPES)[number];
