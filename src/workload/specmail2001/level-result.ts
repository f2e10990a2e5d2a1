import type { Tally } from '../../engine/statistics/tally.js';
import type { Cluster } from '../../model/cluster.js';
import type { Pool } from '../../resources/pool.js';
import type { ProcessorSharingCpu } from '../../resources/processor-sharing.js';
import type { Station } from '../../resources/station.js';
import {
  EVENTS,
  FUNCTION_OF_STEP,
  FUNCTIONS,
  STEP_FUNCTIONS,
  type EventName,
  type FunctionName,
  type StepFunction,
  type SummaryLine,
} from './functions.js';
import type { PassCounter, SpecmailMeasurement } from './measurement.js';
import type { SpecmailWorkload } from './parameters.js';
import type { FunctionResult, LevelResult, ResourceResult, TimeSummary } from './results.js';

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

// NaN (null in JSON, n/a in text) when nothing was measured, so that an
// empty measurement never reads as full compliance.
function percent(passes: number, attempts: number): number {
  return attempts === 0 ? NaN : round((100 * passes) / attempts, 2);
}

function functionResult(counter: PassCounter): FunctionResult {
  return {
    attempts: counter.attempts,
    passes: counter.passes,
    pct: percent(counter.passes, counter.attempts),
  };
}

function timeSummary(tally: Tally): TimeSummary {
  if (tally.count === 0) return { min: NaN, max: NaN, avg: NaN };
  return { min: round(tally.min, 0), max: round(tally.max, 0), avg: round(tally.mean, 2) };
}

/** Summarises a pool's statistics since its last reset. */
export function poolResult(pool: Pool, now: number): ResourceResult {
  const meanBusy = pool.busy.mean(now);
  return {
    utilisation: round(meanBusy / pool.capacity, 4),
    meanBusy: round(meanBusy, 2),
    maxBusy: pool.busy.max,
    meanQueue: round(pool.waiting.mean(now), 2),
    maxQueue: pool.waiting.max,
    meanWaitMs: pool.waitTime.count === 0 ? 0 : round(pool.waitTime.mean * 1000, 2),
    rejected: pool.rejected,
  };
}

function stationResult(station: Station, now: number): ResourceResult {
  return poolResult(station.pool, now);
}

function cpuResult(cpu: ProcessorSharingCpu, now: number): ResourceResult {
  const meanBusy = cpu.busyCores.mean(now);
  return {
    utilisation: round(meanBusy / cpu.cores, 4),
    meanBusy: round(meanBusy, 2),
    maxBusy: cpu.busyCores.max,
    meanQueue: round(Math.max(0, cpu.inService.mean(now) - meanBusy), 2),
    maxQueue: Math.max(0, cpu.inService.max - cpu.cores),
    meanWaitMs: 0,
    rejected: 0,
  };
}

/** Reads every resource's statistics at `now`, by resource name. */
export function resourceResults(cluster: Cluster, now: number): Record<string, ResourceResult> {
  const results: Record<string, ResourceResult> = {};
  for (const node of cluster.nodes) {
    results[node.cpu.name] = cpuResult(node.cpu, now);
    results[node.disk.name] = stationResult(node.disk, now);
    for (const pool of [node.smtpSessions, node.popConnections, node.popThreads, node.deliveryThreads]) {
      results[pool.name] = poolResult(pool, now);
    }
  }
  results[cluster.filer.nvram.name] = stationResult(cluster.filer.nvram, now);
  for (const disk of cluster.filer.disks.disks) results[disk.name] = stationResult(disk, now);
  results[cluster.directory.name] = cpuResult(cluster.directory, now);
  return results;
}

/** Turns a level's measurement into the figures of a result page. */
export function levelResult(
  workload: SpecmailWorkload,
  loadPct: number,
  users: number,
  measurement: SpecmailMeasurement,
  resources: Record<string, ResourceResult>,
  sessionsInProgressAtEnd: number,
  eventsFired: number,
): LevelResult {
  const m = measurement;
  const functions = {} as Record<FunctionName, FunctionResult>;
  const timesMs = {} as Record<StepFunction, TimeSummary>;
  FUNCTION_OF_STEP.forEach((name, step) => {
    functions[name] = functionResult(m.steps[step] as PassCounter);
    timesMs[name] = timeSummary(m.stepTimes[step] as Tally);
  });
  functions['Delivery Time'] = functionResult(m.deliveryTime);
  functions['SMTP Data Response Time'] = functionResult(m.smtpDataTransfer);
  functions['POP Retrieve Response Time'] = functionResult(m.popRetrieveTransfer);
  functions['Remote Message Delivery'] = functionResult(m.remoteDelivery);

  const events: Record<EventName, number> = {
    'SMTP Connect Error': m.smtpConnectErrors,
    'SMTP Protocol Error': 0,
    'SMTP Disconnect': m.smtpDisconnects,
    'SMTP Session': m.smtpSessions,
    'SMTP To Local': m.recipientsLocal,
    'SMTP To Remote': m.recipientsRemote,
    'SINK Connect Error': 0,
    'POP Connect Error': m.popConnectErrors,
    'POP Protocol Error': 0,
    'POP Disconnect': m.popDisconnects,
    'POP Session': m.popSessions,
    'Delivery Time Connect Error': m.probeConnectErrors,
  };

  const errors = m.smtpConnectErrors + m.popConnectErrors + m.smtpTimeouts + m.popTimeouts;
  const sessions = m.smtpSessionAttempts + m.popSessionAttempts;
  const errorRate = sessions === 0 ? NaN : round((100 * errors) / sessions, 2);
  const summary: Record<SummaryLine, number> = {
    'SMTP Connect': functions['SMTP Connect'].pct,
    'SMTP Data': functions['SMTP Data'].pct,
    'POP Connect': functions['POP Connect'].pct,
    'POP Status': functions['POP Status'].pct,
    'POP Retrieve': functions['POP Retrieve'].pct,
    'POP Delete': functions['POP Delete'].pct,
    'Delivery Time': functions['Delivery Time'].pct,
    'Error Rate': errorRate,
  };
  const required = workload.qos.requiredPercent;
  const summaryPass = {} as Record<SummaryLine, boolean>;
  for (const [line, value] of Object.entries(summary) as [SummaryLine, number][]) {
    summaryPass[line] =
      line === 'Error Rate' ? value < workload.qos.maxErrorPercent : value > required;
  }

  return {
    loadPct,
    users,
    messageRatePerMin: round(users / workload.usersPerMpm, 2),
    summary,
    summaryPass,
    functions: orderKeys(functions, FUNCTIONS),
    events: orderKeys(events, EVENTS),
    timesMs: orderKeys(timesMs, STEP_FUNCTIONS),
    sizesKb: {
      'SMTP Data (KB up)': timeSummary(m.smtpDataSize),
      'POP Retrieve (KB down)': timeSummary(m.popRetrieveSize),
    },
    resources,
    sessionsInProgressAtEnd,
    eventsFired,
  };
}

function orderKeys<K extends string, V>(record: Record<K, V>, order: readonly K[]): Record<K, V> {
  const ordered = {} as Record<K, V>;
  for (const key of order) ordered[key] = record[key];
  return ordered;
}
