import type { EventHandler } from '../engine/event.js';
import type { ServerNode, Cluster } from './cluster.js';
import type { CommandDemand } from './config.js';

// A job keeps the demand and derives each stage's work where it is used,
// which allocates less per command than storing every derived value.
interface CommandJob {
  readonly cluster: Cluster;
  readonly node: ServerNode;
  readonly demand: CommandDemand;
  readonly extraFilerReads: number;
  readonly extraFilerWrites: number;
  readonly onDone: EventHandler<never>;
  readonly arg: unknown;
}

function afterCpu(job: CommandJob): void {
  const diskTime = job.demand.diskWrites * job.cluster.config.node.disk.writeTime;
  if (diskTime > 0) job.node.disk.serve(diskTime, afterDisk, job);
  else afterDisk(job);
}

function afterDisk(job: CommandJob): void {
  const filerWrites = job.demand.filerWrites + job.extraFilerWrites;
  const filerWriteTime = filerWrites * job.cluster.config.filer.nvramWriteTime;
  if (filerWriteTime > 0) {
    job.cluster.filer.nvram.serve(filerWriteTime, afterFilerWrites, job);
  } else {
    afterFilerWrites(job);
  }
}

function afterFilerWrites(job: CommandJob): void {
  const filerReads = job.demand.filerReads + job.extraFilerReads;
  if (filerReads > 0) job.cluster.filer.disks.read(filerReads, afterFilerReads, job);
  else afterFilerReads(job);
}

function afterFilerReads(job: CommandJob): void {
  const directoryWork = job.demand.directoryLookups * job.cluster.config.directory.lookupCpu;
  if (directoryWork > 0) {
    job.cluster.directory.execute(directoryWork, afterDirectory, job);
  } else {
    afterDirectory(job);
  }
}

function afterDirectory(job: CommandJob): void {
  if (job.demand.externalWait > 0) job.cluster.sim.schedule(job.demand.externalWait, finish, job);
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
 * done. The caller keeps whatever thread the command runs on.
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
  const job: CommandJob = {
    cluster,
    node,
    demand,
    extraFilerReads,
    extraFilerWrites,
    onDone: onDone as EventHandler<never>,
    arg,
  };
  node.cpu.execute(demand.cpu + extraCpu, afterCpu, job);
}
