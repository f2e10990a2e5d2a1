import { writeFileSync } from 'node:fs';

/**
 * A report that could not be written to its file or to standard output.
 * The CLI prints `message` and exits with status 74 (EX_IOERR in
 * sysexits.h). The code `write-failed` is listed in docs/errors.md.
 */
export class OutputError extends Error {
  readonly code = 'write-failed';

  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let stdoutGuarded = false;

/**
 * Ignores failed writes to standard error, such as to a closed pipe or a
 * full disk. Progress lines and messages there are advice, so losing them
 * must neither stop a run nor change its exit status.
 */
export function ignoreStderrFailures(): void {
  process.stderr.on('error', () => {});
}

// Write errors reach the callback of each write. Without a listener, the
// stream would also raise them as an uncaught 'error' event with a stack
// trace, so this listener ignores them.
function guardStdout(): void {
  if (stdoutGuarded) return;
  process.stdout.on('error', () => {});
  stdoutGuarded = true;
}

// Writes `text` to standard output and returns the write error, if any.
// A closed pipe (EPIPE) is no error, because the reader, such as `head`,
// stopped reading on purpose.
async function stdoutFailure(text: string): Promise<Error | undefined> {
  guardStdout();
  const stdout = process.stdout;
  const failure = await new Promise<Error | undefined>((resolve) => {
    stdout.write(text, (error) => resolve(error ?? undefined));
    // A stand-in for write, as the tests install, may never call back.
    // It leaves nothing pending in the stream, so the wait ends here.
    setImmediate(() => {
      if (stdout.writableLength === 0) resolve(undefined);
    });
  });
  return (failure as NodeJS.ErrnoException | undefined)?.code === 'EPIPE' ? undefined : failure;
}

/**
 * Writes `text` to standard output and waits until it is written. Ends
 * quietly when the reader has closed the pipe (EPIPE). Raises OutputError
 * for any other failure, such as a full disk.
 */
export async function writeStdout(text: string): Promise<void> {
  const failure = await stdoutFailure(text);
  if (failure !== undefined) {
    throw new OutputError(`writing to standard output failed: ${failure.message}.`);
  }
}

/**
 * Writes a report to the `output` file, or to standard output when there
 * is none. When the file cannot be written, the report goes to standard
 * output instead, so that the results are not lost, and OutputError is
 * raised afterwards to name the file and the reason.
 */
export async function writeReport(
  report: string,
  output: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  if (output === undefined) {
    await writeStdout(report);
    return;
  }

  try {
    writeFileSync(output, report);
  } catch (error) {
    const fileFailure = `writing the report to --output ${output} failed: ${reasonOf(error)}`;
    const failure = await stdoutFailure(report);
    if (failure !== undefined) {
      throw new OutputError(
        `${fileFailure}; writing it to standard output failed too (${failure.message}), ` +
          'so the report is lost. Run again with another --output path.',
      );
    }
    throw new OutputError(`${fileFailure}; the report was written to standard output instead.`);
  }
  log(`sim: report written to ${output}`);
}
