/** Parameters and I/O shared by the M/M/1 benchmark programs. */

/** Arrival rate lambda, in customers per second. */
export const ARRIVAL_RATE = 0.8;
/** Service rate mu of the one server, in customers per second; rho = 0.8. */
export const SERVICE_RATE = 1;

/** Reads `CUSTOMERS SEED` from the command line. */
export function parseMm1Arguments(argv: string[]): { customers: number; seed: number } {
  const customers = Number(argv[0]);
  const seed = Number(argv[1] ?? 1);
  if (!Number.isSafeInteger(customers) || customers < 1) {
    throw new RangeError(`customers ${argv[0]} must be an integer >= 1`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${argv[1]} must be an integer`);
  return { customers, seed };
}

/** Prints the line that bench/run.ts parses. */
export function printMm1Result(customers: number, seconds: number, meanResponse: number): void {
  process.stdout.write(`${JSON.stringify({ customers, seconds, meanResponse })}\n`);
}
