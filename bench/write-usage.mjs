// Preloaded with `node --import` into a benchmarked child process: when
// the process exits, writes process.resourceUsage() as JSON to the file
// that SIM_BENCH_USAGE_FILE names. maxRSS (in KiB) covers worker
// threads too, because they share the process.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.SIM_BENCH_USAGE_FILE;
if (isMainThread && file !== undefined && file !== '') {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify(process.resourceUsage()));
  });
}
