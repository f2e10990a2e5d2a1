/**
 * M/M/1 on a bare heap-js event loop: no Simulator, handlers or
 * resources, just events as small objects in a heap-js Heap ordered by
 * time and then insertion sequence (the order sim's calendar keeps). It
 * draws from the same seedrandom Alea streams as bench/mm1-sim.ts, so
 * both produce the same response times.
 *
 *   node --import tsx bench/mm1-bare.ts CUSTOMERS SEED
 */
import { Heap } from 'heap-js';
import seedrandom from 'seedrandom';
import { ARRIVAL_RATE, SERVICE_RATE, parseMm1Arguments, printMm1Result } from './mm1-common.js';

const ARRIVAL = 0;
const DEPARTURE = 1;

interface BareEvent {
  time: number;
  seq: number;
  kind: typeof ARRIVAL | typeof DEPARTURE;
}

const { customers, seed } = parseMm1Arguments(process.argv.slice(2));
const started = process.hrtime.bigint();

// Stream names as RandomStreams derives them, for identical draws.
const arrivals = seedrandom.alea(`sim:${seed}:arrivals`);
const services = seedrandom.alea(`sim:${seed}:services`);
const calendar = new Heap<BareEvent>((a, b) => a.time - b.time || a.seq - b.seq);
const arrivalTimes = new Float64Array(1 << 20);
const mask = arrivalTimes.length - 1;
let head = 0;
let tail = 0;
let seq = 0;
let toArrive = customers;
let departed = 0;
let responseTimeSum = 0;

calendar.push({ time: -Math.log(1 - arrivals()) / ARRIVAL_RATE, seq: seq++, kind: ARRIVAL });
for (let event = calendar.pop(); event !== undefined; event = calendar.pop()) {
  const now = event.time;
  if (event.kind === ARRIVAL) {
    const idle = head === tail;
    arrivalTimes[tail] = now;
    tail = (tail + 1) & mask;
    if (idle) {
      calendar.push({ time: now - Math.log(1 - services()) / SERVICE_RATE, seq: seq++, kind: DEPARTURE });
    }
    if (--toArrive > 0) {
      calendar.push({ time: now - Math.log(1 - arrivals()) / ARRIVAL_RATE, seq: seq++, kind: ARRIVAL });
    }
  } else {
    responseTimeSum += now - (arrivalTimes[head] as number);
    head = (head + 1) & mask;
    departed++;
    if (head !== tail) {
      calendar.push({ time: now - Math.log(1 - services()) / SERVICE_RATE, seq: seq++, kind: DEPARTURE });
    }
  }
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
printMm1Result(departed, seconds, responseTimeSum / departed);
