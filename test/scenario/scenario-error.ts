import { ScenarioError } from '../../src/scenario/errors.js';

/**
 * Runs `action` and returns the ScenarioError it raises. Fails the test
 * when it raises another error or returns normally.
 */
export function scenarioErrorOf(action: () => unknown): ScenarioError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ScenarioError, but the call returned normally');
}
