/**
 * M/M/1 through sim's public API (the compiled dist/), for bench/run.ts.
 *
 *   node --import tsx bench/mm1-sim.ts CUSTOMERS SEED
 *
 * Prints one JSON line: customers, seconds spent in the event loop and
 * the mean response time in seconds.
 */
import { RandomStreams, Simulator, type RandomStream } from '../dist/index.js';
import { ARRIVAL_RATE, SERVICE_RATE, parseMm1Arguments, printMm1Result } from './mm1-common.js';

interface Queue {
  sim: Simulator;
  arrivals: RandomStream;
  services: RandomStream;
  /** Arrival instants of the customers in the system, oldest first. */
  arrivalTimes: Float64Array;
  head: number;
  tail: number;
  /** Customers still to arrive. */
  toArrive: number;
  departed: number;
  responseTimeSum: number;
}

function exponential(stream: RandomStream, rate: number): number {
  return -Math.log(1 - stream.next()) / rate;
}

function push(queue: Queue, time: number): void {
  const times = queue.arrivalTimes;
  times[queue.tail] = time;
  queue.tail = (queue.tail + 1) & (times.length - 1);
  if (queue.tail === queue.head) throw new Error('M/M/1 queue overflowed its ring buffer');
}

function arrive(queue: Queue): void {
  const sim = queue.sim;
  const idle = queue.head === queue.tail;
  push(queue, sim.now);
  if (idle) sim.schedule(exponential(queue.services, SERVICE_RATE), depart, queue);
  if (--queue.toArrive > 0) sim.schedule(exponential(queue.arrivals, ARRIVAL_RATE), arrive, queue);
}

function depart(queue: Queue): void {
  const sim = queue.sim;
  const times = queue.arrivalTimes;
  queue.responseTimeSum += sim.now - (times[queue.head] as number);
  queue.head = (queue.head + 1) & (times.length - 1);
  queue.departed++;
  if (queue.head !== queue.tail) sim.schedule(exponential(queue.services, SERVICE_RATE), depart, queue);
}

const { customers, seed } = parseMm1Arguments(process.argv.slice(2));
const started = process.hrtime.bigint();

const sim = new Simulator();
const streams = new RandomStreams(seed);
const queue: Queue = {
  sim,
  arrivals: streams.stream('arrivals'),
  services: streams.stream('services'),
  // 2^20 places: at rho = 0.8 the queue passes 1,000 with probability
  // 0.8^1000, so the overflow check never fires in practice.
  arrivalTimes: new Float64Array(1 << 20),
  head: 0,
  tail: 0,
  toArrive: customers,
  departed: 0,
  responseTimeSum: 0,
};
sim.schedule(exponential(queue.arrivals, ARRIVAL_RATE), arrive, queue);
sim.run();

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
printMm1Result(queue.departed, seconds, queue.responseTimeSum / queue.departed);
