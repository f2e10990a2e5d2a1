import { z } from 'zod';

const triple = z.tuple([z.number(), z.number(), z.number()]);
/** Attempts, passes and pass %; the percentage is null with no attempts. */
const functionTriple = z.tuple([z.number(), z.number(), z.number().nullable()]);

const level = z.object({
  users: z.object({ attempted: z.number(), actual: z.number() }).optional(),
  message_rate_per_min: z.object({ attempted: z.number(), actual: z.number() }).optional(),
  /** Attempts, passes and pass percentage per function. */
  functions: z.record(z.string(), functionTriple),
  events: z.record(z.string(), z.number()),
  /** Minimum, maximum and average time per step, in ms. */
  times_ms: z.record(z.string(), triple),
  sizes_kb: z.record(z.string(), triple).optional(),
});

/**
 * A published SPECmail2001 result as data: the summary compliance table
 * and, per load level, the tables of the result page.
 */
export const publishedResultSchema = z.object({
  rating_mpm: z.number().positive(),
  users: z.number().positive(),
  summary_compliance_pct: z.record(
    z.string(),
    z.object({
      limit_s: z.number().nullable(),
      required: z.string(),
      /** One percentage per level, in the order of `levels`; null if none. */
      pct: z.array(z.number().nullable()),
    }),
  ),
  levels: z.record(z.string(), level),
});

export type PublishedResult = z.output<typeof publishedResultSchema>;

const measure = z.enum(['summary', 'attempts', 'averageTime', 'maxTime', 'events', 'functionPct']);

/** One tolerance rule; the first rule that matches a line decides. */
const rule = z
  .strictObject({
    measure,
    /** Levels the rule covers; all levels when omitted. */
    levels: z.array(z.number().positive()).min(1).optional(),
    /** Lines (functions, steps or events) it covers; all when omitted. */
    lines: z.array(z.string().min(1)).min(1).optional(),
    /** Largest allowed |simulated - published|, in the measure's unit. */
    absolute: z.number().min(0).optional(),
    /** Largest allowed |simulated - published| / published. */
    relative: z.number().min(0).optional(),
    /** Largest allowed ratio between the two, either way round. */
    factor: z.number().min(1).optional(),
    /** Shown in the table but never failing. */
    reportOnly: z.boolean().default(false),
  })
  .refine(
    (r) => r.reportOnly || [r.absolute, r.relative, r.factor].filter((t) => t !== undefined).length === 1,
    { message: 'give exactly one of absolute, relative or factor (or reportOnly: true)' },
  );

/** Tolerances of `sim validate`, as an ordered list of rules. */
export const tolerancesSchema = z.strictObject({
  description: z.string().optional(),
  rules: z.array(rule).min(1),
});

export type Tolerances = z.output<typeof tolerancesSchema>;
export type ToleranceRule = Tolerances['rules'][number];
export type Measure = z.output<typeof measure>;
