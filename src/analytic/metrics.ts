/**
 * Steady-state mean values of one queue. Times are in seconds, rates are per
 * second and counts are numbers of customers.
 */
export interface QueueMetrics {
  /** Fraction of time each server is busy, from 0 to 1. */
  utilisation: number;
  /** Rate of customers that complete service, per second. */
  throughput: number;
  /** Mean time a customer spends waiting before service, in seconds. */
  meanWait: number;
  /** Mean time from arrival to departure (wait plus service), in seconds. */
  meanResponse: number;
  /** Mean number of customers waiting, not counting those in service. */
  meanInQueue: number;
  /** Mean number of customers present, waiting or in service. */
  meanInSystem: number;
}

/**
 * Returns the metrics of a queue that loses no customer, so its throughput
 * is the arrival rate and, by Little's law, the mean counts are the arrival
 * rate times the mean wait and the mean response time.
 */
export function openQueueMetrics(
  arrivalRate: number,
  utilisation: number,
  meanWait: number,
  meanResponse: number,
): QueueMetrics {
  return {
    utilisation,
    throughput: arrivalRate,
    meanWait,
    meanResponse,
    meanInQueue: arrivalRate * meanWait,
    meanInSystem: arrivalRate * meanResponse,
  };
}

/**
 * Steady-state mean values of a queue with finite capacity, which rejects
 * arrivals that find it full. The mean times are those of admitted customers.
 */
export interface LossQueueMetrics extends QueueMetrics {
  /** Probability that an arriving customer is rejected, from 0 to 1. */
  lossProbability: number;
}
