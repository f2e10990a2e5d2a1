import type { EventHandler } from '../engine/event.js';
import type { ServerNode, Cluster } from './cluster.js';
import type { CommandDemand } from './config.js';

interface CommandJob {
  readonly cluster: Cluster;
  readonly node: ServerNode;
  readonly diskTime: number;
  readonly filerWriteTime: number;
  readonly filerReads: number;
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
  if (job.filerWriteTime > 0) {
    job.cluster.filer.nvram.serve(job.filerWriteTime, afterFilerWrites, job);
  } else {
    afterFilerWrites(job);
  }
}

function afterFilerWrites(job: CommandJob): void {
  if (job.filerReads > 0) job.cluster.filer.disks.read(job.filerReads, afterFilerReads, job);
  else afterFilerReads(job);
}

function afterFilerReads(job: CommandJob): void {
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
 * Serves one command on `node`, one demand after another: CPU work (plus
 * `extraCpu` seconds), local disk writes, NFS writes and reads on the
 * filer (plus the extra ones given), directory lookups, and any wait
 * outside the model. Calls `onDone(arg)` when all are
 * done. The caller holds whatever thread the command runs on.
 */
export function serveCommand<A>(
  cluster: Cluster,
  node: ServerNode,
  demand: CommandDemand,
  extraCpu: number,
  extraFilerReads: number,
  extraFilerWrites: number,
  onDone: EventHandler<A>,
  arg: A,
): void {
  const config = cluster.config;
  const job: CommandJob = {
    cluster,
    node,
    diskTime: demand.diskWrites * config.node.disk.writeTime,
    filerWriteTime: (demand.filerWrites + extraFilerWrites) * config.filer.nvramWriteTime,
    filerReads: demand.filerReads + extraFilerReads,
    directoryWork: demand.directoryLookups * config.directory.lookupCpu,
    externalWait: demand.externalWait,
    onDone: onDone as EventHandler<never>,
    arg,
  };
  node.cpu.execute(demand.cpu + extraCpu, afterCpu, job);
}
