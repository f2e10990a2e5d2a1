import { z } from 'zod';

const cpu = z.strictObject({
  model: z.string(),
  mhz: z.number().positive(),
  cores: z.number().int().min(1),
  /** Speed relative to the reference CPU, a Pentium III at 1 GHz. */
  speed: z.number().positive(),
});

/** A server machine: CPU, memory, local disk and network cards. */
export const serverProfileSchema = z.strictObject({
  name: z.string(),
  kind: z.literal('server'),
  vendor: z.string().optional(),
  cpu,
  memoryMb: z.number().positive(),
  disk: z.strictObject({
    description: z.string(),
    /** Requests the disk subsystem serves at once. */
    servers: z.number().int().min(1),
    /** Service time of one synchronous write, in ms. */
    writeTimeMs: z.number().positive(),
  }),
  network: z.strictObject({
    cards: z.number().int().min(1),
    bitsPerSecond: z.number().positive(),
  }),
});

/** An NFS filer: how many operations it serves at once and how fast. */
export const filerProfileSchema = z.strictObject({
  name: z.string(),
  kind: z.literal('filer'),
  vendor: z.string().optional(),
  disks: z.string(),
  /** NFS operations served in parallel. */
  servers: z.number().int().min(1),
  /** Mean service time of one NFS operation, in ms. */
  operationTimeMs: z.number().positive(),
});

/** Any hardware profile, told apart by `kind`. */
export const hardwareProfileSchema = z.discriminatedUnion('kind', [
  serverProfileSchema,
  filerProfileSchema,
]);

export type ServerProfile = z.output<typeof serverProfileSchema>;
export type FilerProfile = z.output<typeof filerProfileSchema>;
export type HardwareProfile = z.output<typeof hardwareProfileSchema>;
