import { z } from 'zod';

import {
  EVENTS,
  FUNCTIONS,
  STEP_FUNCTIONS,
  SUMMARY_LINES,
} from '../workload/specmail2001/functions.js';
import type { LevelResult } from '../workload/specmail2001/results.js';

/** Message-size lines of a result page, in KB. */
const SIZE_LINES = [
  'SMTP Data (KB up)',
  'POP Retrieve (KB down)',
] as const satisfies readonly (keyof LevelResult['sizesKb'])[];

// A published result may leave out lines it does not publish, but every key
// must be a known line, so that a misspelt name is reported and not skipped.
function linesOf<T extends z.ZodType>(names: readonly [string, ...string[]], value: T) {
  return z.partialRecord(z.enum(names), value);
}

const triple = z.tuple([z.number(), z.number(), z.number()]);
/** Attempts, passes and pass %; the percentage is null with no attempts. */
const functionTriple = z.tuple([z.number(), z.number(), z.number().nullable()]);

const attemptedAndActual = z.strictObject({ attempted: z.number(), actual: z.number() });

const level = z.strictObject({
  users: attemptedAndActual.optional(),
  message_rate_per_min: attemptedAndActual.optional(),
  /** Attempts, passes and pass percentage per function. */
  functions: linesOf(FUNCTIONS, functionTriple),
  events: linesOf(EVENTS, z.number()),
  /** Minimum, maximum and average time per step, in ms. */
  times_ms: linesOf(STEP_FUNCTIONS, triple),
  sizes_kb: linesOf(SIZE_LINES, triple).optional(),
});

/**
 * A level key: a load percentage as a whole number, such as "80", the form
 * `sim validate` looks levels up by.
 */
const levelKey = z.string().refine((key) => /^[1-9]\d*$/.test(key), {
  message: 'not a load percentage written as a whole number, such as "80"',
});

/**
 * A published SPECmail2001 result as data: the summary compliance table
 * and, per load level, the tables of the result page.
 */
export const publishedResultSchema = z
  .strictObject({
    rating_mpm: z.number().positive(),
    users: z.number().positive(),
    summary_compliance_pct: linesOf(
      SUMMARY_LINES,
      z.strictObject({
        limit_s: z.number().nullable(),
        required: z.string(),
        /** One percentage per level, in the order of `levels`; null if none. */
        pct: z.array(z.number().nullable()),
      }),
    ),
    levels: z.record(levelKey, level),
  })
  .superRefine((result, context) => {
    const levelCount = Object.keys(result.levels).length;
    for (const [line, row] of Object.entries(result.summary_compliance_pct)) {
      if (row === undefined || row.pct.length === levelCount) {
        continue;
      }
      context.addIssue({
        code: 'custom',
        path: ['summary_compliance_pct', line, 'pct'],
        input: row.pct,
        message:
          `has ${row.pct.length} percentages but levels has ${levelCount}; ` +
          'give one per level, in the order of levels, and null for a level without one',
      });
    }
  });

export type PublishedResult = z.output<typeof publishedResultSchema>;

const measure = z.enum(['summary', 'attempts', 'averageTime', 'maxTime', 'events', 'functionPct']);

/** Lines a rule of each measure can name, as `sim validate` compares them. */
const LINES_OF_MEASURE: Record<z.output<typeof measure>, readonly string[]> = {
  summary: SUMMARY_LINES,
  attempts: FUNCTIONS,
  functionPct: FUNCTIONS,
  averageTime: STEP_FUNCTIONS,
  maxTime: STEP_FUNCTIONS,
  events: EVENTS,
};

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
  )
  .superRefine((r, context) => {
    // A line of another measure would match nothing and drop the check.
    const known = LINES_OF_MEASURE[r.measure];
    r.lines?.forEach((line, index) => {
      if (!known.includes(line)) {
        context.addIssue({ code: 'invalid_value', values: [...known], input: line, path: ['lines', index] });
      }
    });
  });

/** Tolerances of `sim validate`, as an ordered list of rules. */
export const tolerancesSchema = z.strictObject({
  description: z.string().optional(),
  rules: z.array(rule).min(1),
});

export type Tolerances = z.output<typeof tolerancesSchema>;
export type ToleranceRule = Tolerances['rules'][number];
export type Measure = z.output<typeof measure>;
