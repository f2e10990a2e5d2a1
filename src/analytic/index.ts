/**
 * Exact steady-state results of classic queueing models, as pure functions.
 * Times are in seconds and rates are per second.
 */
export type { LossQueueMetrics, QueueMetrics } from './metrics.js';
export {
  mm1,
  mm1ResponseExceedance,
  mm1ResponseQuantile,
  mm1WaitExceedance,
  mm1WaitQuantile,
} from './mm1.js';
export { erlangC, mmc, mmck, type MmcMetrics } from './mmc.js';
export { erlangB } from './erlang-b.js';
export { md1, mg1, mh21, type Hyperexponential2 } from './mg1.js';
export { mm1Ps, mm1PsConditionalResponse } from './mm1-ps.js';
export {
  jackson,
  type JacksonMetrics,
  type JacksonNetwork,
  type JacksonStation,
  type JacksonStationMetrics,
} from './jackson.js';
export {
  mva,
  type MvaLevel,
  type MvaStation,
  type MvaStationKind,
  type MvaStationMetrics,
} from './mva.js';
export {
  MAX_MULTICLASS_SUBPOPULATIONS,
  mvaMulticlass,
  type MulticlassMvaResult,
  type MulticlassStation,
  type MulticlassStationMetrics,
} from './mva-multiclass.js';
