/**
 * Public API of `sim`: load a scenario, run it, and format its results
 * without the command line.
 */
export { SimError } from './errors.js';
export { loadScenario, type LoadedScenario } from './scenario/load-scenario.js';
export { ScenarioError, type ScenarioProblem } from './scenario/errors.js';
export { runSpecmail, type SpecmailRunOptions } from './workload/specmail2001/run.js';
export { runSpecmailLevel, type SpecmailModel } from './workload/specmail2001/run-level.js';
export { SPECMAIL2001_DEFAULTS, type SpecmailWorkload } from './workload/specmail2001/parameters.js';
export type {
  FunctionResult,
  LevelResult,
  ResourceResult,
  RunResult,
  TimeSummary,
} from './workload/specmail2001/results.js';
export { formatTextReport } from './report/text-report.js';
export { formatJsonReport } from './report/json-report.js';
export { validateRun, type Validation, type ValidationRow } from './validation/compare.js';
export { loadNetworkScenario, type LoadedNetwork } from './network/load-network.js';
export {
  runNetwork,
  type NetworkRunResult,
  type RunNetworkOptions,
} from './network/run-network.js';
export { analyseNetwork } from './network/analytic-match.js';
export type { NetworkTheory } from './network/theory/types.js';
export type { NetworkModel } from './network/model.js';
export { formatNetworkText, formatNetworkJson } from './report/network-report.js';
export { Simulator } from './engine/simulator.js';
export { RandomStreams, type RandomStream } from './engine/random.js';
