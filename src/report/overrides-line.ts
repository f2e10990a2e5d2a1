/**
 * Returns the report line that lists a run's `--set` overrides as given,
 * or no line when there are none, so that a what-if run can be told apart
 * from the scenario as written.
 */
export function overridesLine(overrides: readonly string[]): string[] {
  return overrides.length === 0 ? [] : [`Overrides: ${overrides.map((set) => `--set ${set}`).join(' ')}`];
}
