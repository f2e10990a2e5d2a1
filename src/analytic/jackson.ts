/**
 * Open Jackson network: stations with exponential service and one or more
 * servers, Poisson arrivals from outside and Markov routing between stations.
 * In steady state each station behaves as an independent M/M/c queue fed at
 * its total arrival rate.
 */
import { solveLinearSystem } from './linear-solve.js';
import { mmc, type MmcMetrics } from './mmc.js';
import { requireInteger, requirePositive } from './validate.js';

/** One station of an open Jackson network. */
export interface JacksonStation {
  /** Label in results and error messages, "station i" when omitted. */
  name?: string;
  /** Service rate of one server, per second. */
  serviceRate: number;
  /** Number of identical servers, an integer of at least 1 (default 1). */
  servers?: number;
}

/** Stations, external arrivals and routing of an open Jackson network. */
export interface JacksonNetwork {
  stations: readonly JacksonStation[];
  /** Poisson arrival rate from outside into each station, per second. */
  externalArrivalRates: readonly number[];
  /**
   * Routing matrix P: routing[i][j] is the probability that a customer
   * leaving station i goes next to station j. The rest of row i,
   * 1 - sum_j P[i][j], is the probability of leaving the network.
   */
  routing: readonly (readonly number[])[];
}

/** Steady-state means of one station of an open Jackson network. */
export interface JacksonStationMetrics extends MmcMetrics {
  name: string;
  /** Total arrival rate lambda_i from the traffic equations, per second. */
  arrivalRate: number;
  /** Mean number of visits per customer: lambda_i / sum of external rates. */
  visitRatio: number;
}

/** Steady-state means of a whole open Jackson network. */
export interface JacksonMetrics {
  stations: JacksonStationMetrics[];
  /** Rate of customers entering and leaving the network, per second. */
  throughput: number;
  /** Mean number of customers in the network. */
  meanInSystem: number;
  /** Mean time from entering to leaving the network, in seconds (Little). */
  meanResponse: number;
}

const ROW_SUM_TOLERANCE = 1e-9;

function stationName(station: JacksonStation, index: number): string {
  return station.name ?? `station ${index}`;
}

function checkNetwork(network: JacksonNetwork): void {
  const { stations, externalArrivalRates, routing } = network;
  const size = stations.length;
  if (size === 0) {
    throw new RangeError('jackson: stations must contain at least 1 station');
  }
  if (externalArrivalRates.length !== size) {
    throw new RangeError(
      `jackson: externalArrivalRates has ${externalArrivalRates.length} ` +
        `entries but must have one per station (${size})`,
    );
  }
  if (routing.length !== size) {
    throw new RangeError(
      `jackson: routing has ${routing.length} rows but must have one per ` +
        `station (${size})`,
    );
  }

  stations.forEach((station, i) => {
    const label = `stations[${i}] "${stationName(station, i)}"`;
    requirePositive('jackson', `${label} serviceRate`, station.serviceRate);
    requireInteger('jackson', `${label} servers`, station.servers ?? 1, 1);
  });

  let totalExternal = 0;
  externalArrivalRates.forEach((rate, i) => {
    if (!(Number.isFinite(rate) && rate >= 0)) {
      throw new RangeError(
        `jackson: externalArrivalRates[${i}] ${rate} must be a finite ` +
          'number of at least 0',
      );
    }
    totalExternal += rate;
  });
  if (totalExternal <= 0) {
    throw new RangeError(
      'jackson: externalArrivalRates must contain at least one rate above 0',
    );
  }

  routing.forEach((row, i) => checkRoutingRow(row, i, size));
}

function checkRoutingRow(
  row: readonly number[],
  index: number,
  size: number,
): void {
  if (row.length !== size) {
    throw new RangeError(
      `jackson: routing[${index}] has ${row.length} entries but must have ` +
        `one per station (${size})`,
    );
  }
  let rowSum = 0;
  row.forEach((probability, j) => {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(
        `jackson: routing[${index}][${j}] ${probability} must be a ` +
          'probability from 0 to 1',
      );
    }
    rowSum += probability;
  });
  if (rowSum > 1 + ROW_SUM_TOLERANCE) {
    throw new RangeError(
      `jackson: routing[${index}] sums to ${rowSum} but must sum to at most 1`,
    );
  }
}

/**
 * Solves the traffic equations lambda = gamma + lambda P, written as
 * (I - P)^T lambda = gamma, for the total arrival rate of every station.
 */
function solveTrafficEquations(network: JacksonNetwork): number[] {
  const { externalArrivalRates, routing } = network;
  const size = externalArrivalRates.length;
  const transposed: number[][] = [];
  for (let i = 0; i < size; i += 1) {
    const row: number[] = [];
    for (let j = 0; j < size; j += 1) {
      const routed = routing[j]?.[i] ?? 0;
      row.push((i === j ? 1 : 0) - routed);
    }
    transposed.push(row);
  }

  const rates = solveLinearSystem(transposed, externalArrivalRates);
  if (rates === undefined) {
    throw new RangeError(
      'jackson: I - P is singular, so some customers can never leave the ' +
        'network; give every station a path to an exit (a routing row ' +
        'that sums to less than 1)',
    );
  }
  // (I - P)^-1 has no negative entries, so a negative rate is rounding.
  return rates.map((rate) => Math.max(0, rate));
}

/**
 * Computes the steady-state means of an open Jackson network. It solves the
 * traffic equations by Gaussian elimination, models each station as M/M/c at
 * its total arrival rate, and applies Little's law to the whole network.
 *
 * @param network - stations, external Poisson arrival rates (per second)
 *   and routing probabilities.
 * @throws RangeError when an input is invalid, when I - P is singular, or
 *   when a station's arrival rate reaches its capacity (the message names
 *   the station).
 */
export function jackson(network: JacksonNetwork): JacksonMetrics {
  checkNetwork(network);
  const arrivalRates = solveTrafficEquations(network);
  const throughput = network.externalArrivalRates.reduce((a, b) => a + b, 0);

  const stations = network.stations.map((station, i) => {
    const name = stationName(station, i);
    const arrivalRate = arrivalRates[i] ?? 0;
    const servers = station.servers ?? 1;
    const capacity = servers * station.serviceRate;
    if (arrivalRate >= capacity) {
      throw new RangeError(
        `jackson: station "${name}" is unstable: its arrival rate ` +
          `${arrivalRate} must be below servers * serviceRate ${capacity} ` +
          `(utilisation ${arrivalRate / capacity} >= 1)`,
      );
    }
    const metrics = mmc(arrivalRate, station.serviceRate, servers);
    return {
      ...metrics,
      name,
      arrivalRate,
      visitRatio: arrivalRate / throughput,
    };
  });

  const meanInSystem = stations.reduce((sum, s) => sum + s.meanInSystem, 0);
  return {
    stations,
    throughput,
    meanInSystem,
    meanResponse: meanInSystem / throughput,
  };
}
