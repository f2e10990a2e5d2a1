import { InvalidArgumentError } from 'commander';

/** Parses a non-negative integer seed for commander. */
export function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(
      `got "${text}"; give a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    );
  }
  return value;
}

/** Parses a comma-separated list of load levels in percent. */
export function parseLevels(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const levels = parts.map(Number);
  const bad = parts.find((part, i) => part === '' || !(levels[i]! > 0) || levels[i]! > 1000);
  if (bad !== undefined) {
    throw new InvalidArgumentError(
      `got "${bad}" in "${text}"; give percentages above 0 and at most 1000, ` +
        'separated by commas, such as 80,100,120.',
    );
  }
  const repeated = levels.find((level, i) => levels.indexOf(level) !== i);
  if (repeated !== undefined) {
    throw new InvalidArgumentError(`got ${repeated} twice in "${text}"; give each level once.`);
  }
  return levels;
}

/**
 * Maximum measurement phase, in simulated seconds: about 11.6
 * days. A full-scale SPECmail2001 level simulates an hour in about 6 s of
 * CPU, so this bound keeps a mistyped value from running for days.
 */
export const MAX_DURATION_SECONDS = 1_000_000;

/** Parses a number of seconds above 0 and at most MAX_DURATION_SECONDS. */
export function parseSeconds(text: string): number {
  const value = Number(text);
  // Number() also reads hexadecimal and binary, such as 0x10, which no one
  // means as seconds.
  const decimal = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim());
  if (!decimal || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`got "${text}"; give a number of seconds above 0, such as 3600.`);
  }
  if (value > MAX_DURATION_SECONDS) {
    throw new InvalidArgumentError(
      `got "${text}"; give at most ${MAX_DURATION_SECONDS} seconds (about 11.6 days), such as 3600.`,
    );
  }
  return value;
}

/** Parses a worker-thread count from 1 to 64. */
export function parseWorkers(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 64) {
    throw new InvalidArgumentError(`got "${text}"; give a whole number of workers from 1 to 64.`);
  }
  return value;
}

/** Parses the number of events to trace, from 1 to 1,000,000. */
export function parseTraceCount(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 1_000_000) {
    throw new InvalidArgumentError(`got "${text}"; give a whole number of events from 1 to 1000000.`);
  }
  return value;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
