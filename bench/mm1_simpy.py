"""M/M/1 in SimPy 3, the same model as bench/mm1-sim.ts, for bench/run.ts.

    python3 bench/mm1_simpy.py CUSTOMERS SEED

Written as an idiomatic SimPy model: one process per customer, which
requests a Resource with capacity 1. Prints one JSON line:
customers, seconds spent in env.run() and the mean response time.
"""

import json
import random
import sys
import time

import simpy

ARRIVAL_RATE = 0.8
SERVICE_RATE = 1.0


class Totals:
    def __init__(self):
        self.departed = 0
        self.response_time_sum = 0.0


def customer(env, server, services, totals):
    arrival = env.now
    with server.request() as request:
        yield request
        yield env.timeout(services.expovariate(SERVICE_RATE))
    totals.departed += 1
    totals.response_time_sum += env.now - arrival


def source(env, server, customers, arrivals, services, totals):
    for _ in range(customers):
        yield env.timeout(arrivals.expovariate(ARRIVAL_RATE))
        env.process(customer(env, server, services, totals))


def main(argv):
    customers = int(argv[1])
    seed = int(argv[2]) if len(argv) > 2 else 1
    arrivals = random.Random(f"arrivals:{seed}")
    services = random.Random(f"services:{seed}")
    totals = Totals()

    started = time.perf_counter()
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    env.process(source(env, server, customers, arrivals, services, totals))
    env.run()
    seconds = time.perf_counter() - started

    print(json.dumps({
        "customers": totals.departed,
        "seconds": seconds,
        "meanResponse": totals.response_time_sum / totals.departed,
    }))


if __name__ == "__main__":
    main(sys.argv)
