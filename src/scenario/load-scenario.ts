import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { ClusterConfig, CommandDemand } from '../model/config.js';
import type { SpecmailModel } from '../workload/specmail2001/run-level.js';
import { suggestClosest } from './errors.js';
import {
  filerProfileSchema,
  serverProfileSchema,
  type FilerProfile,
  type ServerProfile,
} from './hardware-schema.js';
import { problemAtKey, scenarioProblemError, type ScenarioSource } from './key-problem.js';
import { loadYamlFile, type LoadOptions } from './load-yaml.js';
import { resolveNamedFile } from './named-files.js';
import { specmailScenarioSchema, type DemandInput, type SpecmailScenario } from './specmail-schema.js';

/** A loaded scenario: its data, where it came from, and the model to run. */
export interface LoadedScenario {
  file: string;
  scenario: SpecmailScenario;
  model: SpecmailModel;
  /** Path of the published result the scenario names, if any. */
  referenceFile: string | undefined;
  /** Path of the tolerances file the scenario names, if any. */
  tolerancesFile: string | undefined;
  /** Paths of the hardware profiles read: node, balancer and filer. */
  profileFiles: string[];
}

/** Folders searched for hardware profiles, relative to the scenario. */
const PROFILE_FOLDERS = ['hardware-profiles', '../hardware-profiles'];

/**
 * Loads a SPECmail2001 scenario file with its `--set` overrides, loads the
 * hardware profiles it names from the `hardware-profiles/` folder beside
 * it (or one level up), checks that the published result and tolerances
 * it names are files, and builds the model. Raises ScenarioError with the
 * file, line, key path, value and fix for every problem.
 */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const scenario = loadYamlFile(file, specmailScenarioSchema, options);
  const source: ScenarioSource = { scenarioFile: file, overrides: options.overrides ?? [] };
  const node = loadProfile(source, ['cluster', 'nodes', 'hardware'], scenario.cluster.nodes.hardware, serverProfileSchema, 'server');
  const balancer = loadProfile(source, ['cluster', 'balancer', 'hardware'], scenario.cluster.balancer.hardware, serverProfileSchema, 'server');
  const filer = loadProfile(source, ['cluster', 'filer', 'hardware'], scenario.cluster.filer.hardware, filerProfileSchema, 'filer');
  const referenceFile = resolveNamedFile(source, 'reference', scenario.reference);
  const tolerancesFile = resolveNamedFile(source, 'tolerances', scenario.tolerances);

  return {
    file,
    scenario,
    model: toModel(scenario, node.profile, balancer.profile, filer.profile),
    referenceFile,
    tolerancesFile,
    profileFiles: [node.file, balancer.file, filer.file],
  };
}

// Returns the profile's `kind` when the file is YAML with a string kind.
function readProfileKind(file: string): string | undefined {
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (typeof data === 'object' && data !== null && 'kind' in data) {
      const kind = (data as { kind: unknown }).kind;
      return typeof kind === 'string' ? kind : undefined;
    }
  } catch {
    // Unreadable or invalid YAML: the schema check that follows reports it.
  }
  return undefined;
}

function loadProfile<S extends z.ZodType>(
  source: ScenarioSource,
  keyPath: string[],
  name: string,
  schema: S,
  kind: string,
): { profile: z.output<S>; file: string } {
  const scenarioFile = source.scenarioFile;
  const folders = PROFILE_FOLDERS.map((folder) => resolve(dirname(scenarioFile), folder));
  const candidates = name.endsWith('.yaml')
    ? [resolve(dirname(scenarioFile), name)]
    : folders.map((folder) => join(folder, `${name}.yaml`));

  const found = candidates.find((candidate) => existsSync(candidate));
  if (found !== undefined) {
    const relativePath = relative(process.cwd(), found);
    const profileFile = relativePath.startsWith('..') ? found : relativePath;
    const actualKind = readProfileKind(profileFile);
    if (actualKind !== undefined && actualKind !== kind) {
      const problem = problemAtKey(
        source,
        keyPath,
        `"${name}" is a ${actualKind} profile (${profileFile}), got it where a ` +
          `${kind} profile is expected; name a ${kind} profile.`,
      );
      throw scenarioProblemError('profile-wrong-kind', source, problem);
    }
    const profile = loadYamlFile(profileFile, schema, {
      documentName: `${kind} profile (${keyPath.join('.')} of ${scenarioFile})`,
    });
    return { profile, file: profileFile };
  }

  const available = [
    ...new Set(
      folders.flatMap((folder) =>
        existsSync(folder)
          ? readdirSync(folder)
              .filter((entry) => entry.endsWith('.yaml'))
              .map((entry) => entry.slice(0, -'.yaml'.length))
          : [],
      ),
    ),
  ];
  const names = available.join(', ') || 'none';
  let message: string;
  if (name.endsWith('.yaml')) {
    const folder = resolve(dirname(scenarioFile));
    const orName = available.length === 0 ? '' : `, or give a profile name: ${names}`;
    message =
      `${kind} profile file not found, got "${name}" (resolved to ${candidates[0]}); ` +
      `check the path, which is relative to the scenario's folder ${folder}${orName}.`;
  } else {
    const suggestion = suggestClosest(name, available);
    const hint = suggestion === undefined ? '' : `did you mean "${suggestion}"? `;
    message =
      `${kind} profile "${name}" not found in ${[...new Set(folders)].join(' or ')}; ` +
      `${hint}available: ${names}. ` +
      'Give a profile name from that list, or a path to a profile file ending in .yaml.';
  }
  throw scenarioProblemError('profile-not-found', source, problemAtKey(source, keyPath, message));
}

function demand(input: DemandInput): CommandDemand {
  return {
    cpu: input.cpuMs / 1000,
    diskWrites: input.diskWrites,
    filerReads: input.filerReads,
    filerWrites: input.filerWrites,
    directoryLookups: input.directoryLookups,
    externalWait: input.externalWaitMs / 1000,
  };
}

function toModel(
  scenario: SpecmailScenario,
  node: ServerProfile,
  balancer: ServerProfile,
  filer: FilerProfile,
): SpecmailModel {
  const { cluster: c, software: s, workload: w } = scenario;
  const cluster: ClusterConfig = {
    nodeCount: c.nodes.count,
    node: {
      cpu: { cores: node.cpu.cores, speed: node.cpu.speed },
      disk: { servers: node.disk.servers, writeTime: node.disk.writeTimeMs / 1000 },
    },
    balancer: { policy: c.balancer.policy },
    directory: {
      cpu: { cores: balancer.cpu.cores, speed: balancer.cpu.speed },
      lookupCpu: c.directory.lookupCpuMs / 1000,
    },
    filer: {
      dataDisks: filer.dataDisks,
      diskReadTime: filer.diskReadTimeMs / 1000,
      nvramServers: filer.nvramServers,
      nvramWriteTime: filer.nvramWriteTimeMs / 1000,
      transferSize: c.filer.transferSizeBytes,
    },
    network: {
      synRetryDelays: c.network.synRetryDelaysSeconds,
      synAckRetryDelays: c.network.synAckRetryDelaysSeconds,
      synLossProbability: c.network.synLossProbability,
      ackLossProbability: c.network.ackLossProbability,
      retransmitLossProbability: c.network.retransmitLossProbability,
      lanBytesPerSecond: c.network.lanBytesPerSecond,
      lanRoundTrip: c.network.lanRoundTripMs / 1000,
      sendBufferBytes: c.network.sendBufferBytes,
    },
    smtp: {
      maxSessions: s.smtp.maxSessions,
      acceptBacklog: s.smtp.acceptBacklog,
      deliveryThreads: s.smtp.deliveryThreads,
      connect: demand(s.smtp.connect),
      command: demand(s.smtp.command),
      localRecipient: demand(s.smtp.localRecipient),
      data: demand(s.smtp.data),
      dataEnd: demand(s.smtp.dataEnd),
      dataCpuPerKb: s.smtp.dataCpuMsPerKb / 1000,
      localDelivery: demand(s.smtp.localDelivery),
      localDeliveryCpuPerKb: s.smtp.localDeliveryCpuMsPerKb / 1000,
      remoteDelivery: demand(s.smtp.remoteDelivery),
    },
    pop: {
      maxConnections: s.pop.maxConnections,
      acceptBacklog: s.pop.acceptBacklog,
      threads: s.pop.threads,
      queueDiscipline: s.pop.queueDiscipline,
      connect: demand(s.pop.connect),
      user: demand(s.pop.user),
      pass: demand(s.pop.pass),
      stat: demand(s.pop.stat),
      retr: demand(s.pop.retr),
      retrCpuPerKb: s.pop.retrCpuMsPerKb / 1000,
      dele: demand(s.pop.dele),
      quit: demand(s.pop.quit),
    },
  };

  return {
    cluster,
    workload: {
      ratingMpm: w.ratingMpm,
      usersPerMpm: w.usersPerMpm,
      levels: w.levels,
      messagesSentPerUserDay: w.messagesSentPerUserDay,
      popChecksPerUserDay: w.popChecksPerUserDay,
      repeatedChecksPerUserDay: w.repeatedChecksPerUserDay,
      busyHourShare: w.busyHourShare,
      remoteRecipientShare: w.remoteRecipientShare,
      remoteSenderRatio: w.remoteSenderRatio,
      modemShare: w.modemShare,
      messageSizeKb: w.messageSizeKb,
      recipientsPerMessage: w.recipientsPerMessage,
      retryPoolShare: w.retryPoolShare,
      deliveryProbeShare: w.deliveryProbeShare,
      smtpDisconnectShare: w.smtpDisconnectShare,
      qos: {
        stepLimit: w.qos.stepLimitSeconds,
        transferBytesPerSecond: w.qos.transferBytesPerSecond,
        deliveryLimit: w.qos.deliveryLimitSeconds,
        requiredPercent: w.qos.requiredPercent,
        maxErrorPercent: w.qos.maxErrorPercent,
      },
      phases: {
        warmup: w.phases.warmupSeconds,
        rampUp: w.phases.rampUpSeconds ?? w.phases.warmupSeconds,
        measurement: w.phases.measurementSeconds,
        rampDown: w.phases.rampDownSeconds,
      },
      clients: {
        modemBytesPerSecond: w.clients.modemBytesPerSecond,
        modemRoundTrip: w.clients.modemRoundTripMs / 1000,
        replyTimeout: w.clients.replyTimeoutSeconds,
        retrieveAbortProbability: w.clients.retrieveAbortProbability,
        probePollInterval: w.clients.probePollIntervalSeconds,
        probeGiveUp: w.clients.probeGiveUpSeconds,
      },
    },
  };
}
