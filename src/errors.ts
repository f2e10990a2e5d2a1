/**
 * Base class of every error that `sim` reports to a user. The CLI prints
 * `message` as it is and exits with status 2, so the message must name the
 * input (file, line, key path), the bad value and the fix. Every code is
 * listed in docs/errors.md.
 */
export class SimError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SimError';
    this.code = code;
  }
}
