/** Network behaviour of the benchmark's clients. */
export interface ClientConfig {
  /** Throughput of a modem client, in bytes per second (56k: 6,000). */
  modemBytesPerSecond: number;
  /** Round trip of one command and its reply over a modem, in seconds. */
  modemRoundTrip: number;
  /** A client that has no reply after this many seconds gives up. */
  replyTimeout: number;
  /** Probability that a POP client disconnects during a RETR download. */
  retrieveAbortProbability: number;
  /** Pause between two polls of a delivery-time probe, in seconds. */
  probePollInterval: number;
  /** A probe stops polling once this many seconds have passed. */
  probeGiveUp: number;
}
