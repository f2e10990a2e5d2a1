import type { EventHandler } from '../engine/event.js';
import type { ServerNode, Cluster } from './cluster.js';
import type { CommandDemand } from './config.js';

interface CommandJob {
  readonly cluster: Cluster;
  readonly node: ServerNode;
  readonly diskTime: number;
  readonly filerTime: number;
  readonly directoryWork: number;
  readonly externalWait: number;
  readonly onDone: EventHandler<never>;
  readonly arg: unknown;
}

function afterCpu(job: CommandJob): void {
  if (job.diskTime > 0) job.node.disk.serve(job.diskTime, afterDisk, job);
  else afterDisk(job);
}

function afterDisk(job: CommandJob): void {
  if (job.filerTime > 0) job.cluster.filer.serve(job.filerTime, afterFiler, job);
  else afterFiler(job);
}

function afterFiler(job: CommandJob): void {
  if (job.directoryWork > 0) {
    job.cluster.directory.execute(job.directoryWork, afterDirectory, job);
  } else {
    afterDirectory(job);
  }
}

function afterDirectory(job: CommandJob): void {
  if (job.externalWait > 0) job.cluster.sim.schedule(job.externalWait, finish, job);
  else finish(job);
}

function finish(job: CommandJob): void {
  (job.onDone as EventHandler<unknown>)(job.arg);
}

/**
 * Serves one command on `node`: its CPU work (plus `extraCpu` seconds),
 * then its writes to the local disk, then its NFS operations (plus
 * `extraFilerOps`) on the filer, then its directory lookups, then any
 * wait outside the model, one after another. Calls `onDone(arg)` when all are
 * done. The caller holds whatever thread the command runs on.
 */
export function serveCommand<A>(
  cluster: Cluster,
  node: ServerNode,
  demand: CommandDemand,
  extraCpu: number,
  extraFilerOps: number,
  onDone: EventHandler<A>,
  arg: A,
): void {
  const config = cluster.config;
  const job: CommandJob = {
    cluster,
    node,
    diskTime: demand.diskWrites * config.node.disk.writeTime,
    filerTime: (demand.filerOps + extraFilerOps) * config.filer.operationTime,
    directoryWork: demand.directoryLookups * config.directory.lookupCpu,
    externalWait: demand.externalWait,
    onDone: onDone as EventHandler<never>,
    arg,
  };
  node.cpu.execute(demand.cpu + extraCpu, afterCpu, job);
}
