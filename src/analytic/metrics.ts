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
 * Steady-state mean values of a queue with finite capacity, which rejects
 * arrivals that find it full. The mean times are those of admitted customers.
 */
export interface LossQueueMetrics extends QueueMetrics {
  /** Probability that an arriving customer is rejected, from 0 to 1. */
  lossProbability: number;
}
