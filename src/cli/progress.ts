/**
 * Returns the function that prints a progress line on standard error, or
 * one that prints nothing under `--quiet`.
 */
export function progressLog(quiet: boolean | undefined): (line: string) => void {
  return quiet === true ? () => {} : (line) => process.stderr.write(`${line}\n`);
}

/** Wall seconds between two progress lines of a running level. */
const PROGRESS_INTERVAL_SECONDS = 10;

/**
 * Returns an `onProgress` handler for a SPECmail2001 run that prints, at
 * most every 10 s of wall time, how far a level has got, so that a long
 * run does not look stuck. Runs of a few seconds print no such line.
 */
export function progressLogger(
  log: (line: string) => void,
): (loadPct: number, share: number, wallSeconds: number) => void {
  let lastLine = 0;
  return (loadPct, share, wallSeconds) => {
    if (share >= 1 || wallSeconds - lastLine < PROGRESS_INTERVAL_SECONDS) return;
    lastLine = wallSeconds;
    log(
      `sim: level ${loadPct} %: ${Math.round(100 * share)} % of its simulated time done ` +
        `after ${wallSeconds.toFixed(1)} s`,
    );
  };
}
