/** The speed and memory targets of docs/benchmarks.md, judged on one run. */
import type { Mm1Report } from './mm1.js';
import type { ScalingRow, SpecmailRow } from './specmail.js';

/** One target and whether the run met it. */
export interface Verdict {
  target: string;
  measured: string;
  met: boolean;
}

const MIN_SIM_OVER_SIMPY = 25;
const MIN_SIM_OVER_BARE = 0.6;
const MAX_SECONDS_ONE_WORKER = 30;
const MAX_SECONDS_TWO_WORKERS = 18;
/** 400 MB (decimal), the memory target, in MiB as the runs report it. */
const MAX_PEAK_RSS_MIB = 400e6 / 2 ** 20;
/** Largest allowed deviation of time per user from that at the smallest size. */
const MAX_LINEARITY_ERROR = 0.1;

/** Judges every target for which the run has a measurement. */
export function judgeTargets(
  mm1: Mm1Report | undefined,
  specmail: SpecmailRow[] | undefined,
  scaling: { label: string; rows: ScalingRow[] }[],
): Verdict[] {
  const verdicts: Verdict[] = [];

  if (mm1 !== undefined) {
    if (Number.isNaN(mm1.simOverSimpy)) {
      verdicts.push({ target: `M/M/1 sim >= ${MIN_SIM_OVER_SIMPY} x SimPy`, measured: 'SimPy skipped', met: false });
    } else {
      verdicts.push({
        target: `M/M/1 sim >= ${MIN_SIM_OVER_SIMPY} x SimPy`,
        measured: `${mm1.simOverSimpy.toFixed(1)} x`,
        met: mm1.simOverSimpy >= MIN_SIM_OVER_SIMPY,
      });
    }
    verdicts.push({
      target: `M/M/1 sim >= ${MIN_SIM_OVER_BARE} x bare heap-js`,
      measured: `${mm1.simOverBare.toFixed(2)} x`,
      met: mm1.simOverBare >= MIN_SIM_OVER_BARE,
    });
  }

  for (const row of specmail ?? []) {
    const limit = row.workers === 1 ? MAX_SECONDS_ONE_WORKER : MAX_SECONDS_TWO_WORKERS;
    verdicts.push({
      target: `full run, ${row.workers} worker${row.workers === 1 ? '' : 's'} <= ${limit} s`,
      measured: `${row.wallSeconds.toFixed(1)} s`,
      met: row.wallSeconds <= limit,
    });
    verdicts.push({
      target: `full run, ${row.workers} worker${row.workers === 1 ? '' : 's'}, peak RSS <= 400 MB`,
      measured: `${((row.peakRssMiB * 2 ** 20) / 1e6).toFixed(0)} MB`,
      met: row.peakRssMiB <= MAX_PEAK_RSS_MIB,
    });
  }

  for (const { label, rows } of scaling) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined || last === first) continue;
    const span = `${label}, ${first.users / 1000}k to ${last.users / 1000}k users`;
    verdicts.push({
      target: `${span}: time/user within ${MAX_LINEARITY_ERROR * 100} % of linear`,
      measured: `${last.timePerUserRelative.toFixed(2)} x`,
      met: Math.abs(last.timePerUserRelative - 1) <= MAX_LINEARITY_ERROR,
    });
    verdicts.push({
      target: `${span}: RSS no faster than linear`,
      measured: `${last.rssPerUserRelative.toFixed(2)} x`,
      met: last.rssPerUserRelative <= 1,
    });
  }
  return verdicts;
}
