import { EmpiricalDistribution } from '../../engine/distributions.js';
import type { RandomStream } from '../../engine/random.js';
import { MailStore } from '../../model/mail-store.js';
import type { SpecmailWorkload } from './parameters.js';

/** Accounts of one level, split into the random and the retry pool. */
export interface Population {
  users: number;
  /** Accounts 0 .. retryCount - 1 form the retry pool; the rest the random pool. */
  retryCount: number;
  store: MailStore;
  /** Retry-pool accounts in the order they are due for their next check. */
  retryQueue: Int32Array;
  retryHead: number;
}

/**
 * Share of mailboxes holding no message in a pool where mail arrives at
 * rate `arrivals` and the mailbox is emptied at rate `checks`: the
 * geometric steady state p0 = P / (S + P), p(i) = p(i-1) S / (S + P).
 */
export function emptyMailboxShare(arrivals: number, checks: number): number {
  return checks / (arrivals + checks);
}

/**
 * Builds the accounts and fills every mailbox from its pool's geometric
 * steady state, with sizes from the message-size table, so that a run
 * neither fills nor drains the store. Retry-pool accounts are queued in
 * random order for their first check.
 */
export function createPopulation(
  workload: SpecmailWorkload,
  users: number,
  sizes: EmpiricalDistribution,
  random: RandomStream,
): Population {
  const recipients = workload.recipientsPerMessage;
  const meanRecipients = new EmpiricalDistribution(recipients.values, recipients.percent).mean;
  const received = workload.messagesSentPerUserDay * meanRecipients;
  const randomChecks = workload.popChecksPerUserDay - workload.repeatedChecksPerUserDay;
  const retryShare = workload.retryPoolShare;
  const retryCount = Math.round(users * retryShare);
  const store = new MailStore(users, Math.ceil(users * 4.5));

  const pools = [
    { empty: emptyMailboxShare((1 - retryShare) * received, randomChecks), from: retryCount, to: users },
    { empty: emptyMailboxShare(retryShare * received, workload.repeatedChecksPerUserDay), from: 0, to: retryCount },
  ];
  for (const pool of pools) {
    const keep = 1 - pool.empty;
    for (let account = pool.from; account < pool.to; account++) {
      while (random.next() < keep) {
        store.append(account, sizes.sample(random) * 1024);
      }
    }
  }

  const retryQueue = new Int32Array(retryCount);
  for (let i = 0; i < retryCount; i++) retryQueue[i] = i;
  for (let i = retryCount - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = retryQueue[i] as number;
    retryQueue[i] = retryQueue[j] as number;
    retryQueue[j] = swap;
  }

  return { users, retryCount, store, retryQueue, retryHead: 0 };
}
