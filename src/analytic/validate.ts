/**
 * Input checks shared by the analytic models. Each check throws a RangeError
 * whose message starts with the calling function's name, then names the
 * parameter, its value and the accepted range.
 */

/** Throws a RangeError unless `value` is a finite number above 0. */
export function requirePositive(
  caller: string,
  name: string,
  value: number,
): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(
      `${caller}: ${name} ${value} must be a finite number above 0`,
    );
  }
}

/** Throws a RangeError unless `value` is a finite number of at least 0. */
export function requireNonNegative(
  caller: string,
  name: string,
  value: number,
): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(
      `${caller}: ${name} ${value} must be a finite number of at least 0`,
    );
  }
}

/** Throws a RangeError unless `value` is an integer of at least `minimum`. */
export function requireInteger(
  caller: string,
  name: string,
  value: number,
  minimum: number,
): void {
  if (!(Number.isSafeInteger(value) && value >= minimum)) {
    throw new RangeError(
      `${caller}: ${name} ${value} must be an integer of at least ${minimum}`,
    );
  }
}

/** Throws a RangeError unless `value` lies in [0, 1]. */
export function requireProbability(
  caller: string,
  name: string,
  value: number,
): void {
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(
      `${caller}: ${name} ${value} must be a probability from 0 to 1`,
    );
  }
}

/** Throws a RangeError unless `value` lies in [0, 1), as a quantile needs. */
export function requireQuantileLevel(
  caller: string,
  name: string,
  value: number,
): void {
  if (!(value >= 0 && value < 1)) {
    throw new RangeError(
      `${caller}: ${name} ${value} must be at least 0 and below 1`,
    );
  }
}

/**
 * Throws a RangeError unless the arrival rate is below the service capacity,
 * which an infinite-buffer queue needs to reach a steady state.
 * `capacityLabel` names the capacity in the message, such as "serviceRate".
 */
export function requireStable(
  caller: string,
  arrivalRate: number,
  capacityLabel: string,
  capacity: number,
): void {
  if (arrivalRate >= capacity) {
    const utilisation = arrivalRate / capacity;
    throw new RangeError(
      `${caller}: arrivalRate ${arrivalRate} must be below ` +
        `${capacityLabel} ${capacity} for a stable queue ` +
        `(utilisation ${utilisation} >= 1)`,
    );
  }
}

/**
 * Throws a RangeError unless the rates describe a stable single-server
 * queue: a non-negative arrival rate below a positive service rate.
 */
export function requireStableSingleServer(
  caller: string,
  arrivalRate: number,
  serviceRate: number,
): void {
  requireNonNegative(caller, 'arrivalRate', arrivalRate);
  requirePositive(caller, 'serviceRate', serviceRate);
  requireStable(caller, arrivalRate, 'serviceRate', serviceRate);
}
