import { z } from 'zod';
import { loadYamlFile } from '../scenario/load-yaml.js';

/** Scenario kinds that `sim run` accepts, by the value of their `kind` key. */
export const SCENARIO_KINDS = ['specmail2001', 'network'] as const;

export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

// Only `kind` is checked here; the kind's own schema checks the rest.
const kindSchema = z.looseObject({ kind: z.enum(SCENARIO_KINDS) });

/**
 * Reads the `kind` of a scenario file, after its `--set` overrides. Raises
 * ScenarioError `schema-invalid` naming the line and the known kinds when
 * `kind` is missing or unknown, and the loader's errors when the file
 * cannot be read or parsed.
 */
export function readScenarioKind(file: string, overrides: readonly string[]): ScenarioKind {
  return loadYamlFile(file, kindSchema, { overrides }).kind;
}
