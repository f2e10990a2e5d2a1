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

/** An NFS filer: its data disks for reads and its NVRAM for writes. */
export const filerProfileSchema = z.strictObject({
  name: z.string(),
  kind: z.literal('filer'),
  vendor: z.string().optional(),
  disks: z.string(),
  /** Disks that hold data (parity disks excluded). */
  dataDisks: z.number().int().min(1),
  /** Service time of one random read on one disk, in ms. */
  diskReadTimeMs: z.number().positive(),
  /** NFS writes the NVRAM logs in parallel. */
  nvramServers: z.number().int().min(1),
  /** Service time of one NFS write logged in NVRAM, in ms. */
  nvramWriteTimeMs: z.number().positive(),
});

/** Any hardware profile; `kind` selects the schema. */
export const hardwareProfileSchema = z.discriminatedUnion('kind', [
  serverProfileSchema,
  filerProfileSchema,
]);

export type ServerProfile = z.output<typeof serverProfileSchema>;
export type FilerProfile = z.output<typeof filerProfileSchema>;
export type HardwareProfile = z.output<typeof hardwareProfileSchema>;
