/**
 * Zod schemas for what a PKCS#11 module answers. A vendor's module is code Keyferry did not write,
 * so its answers are checked like any other input: shapes, ranges, and blank-padded strings
 * trimmed and limited to printable characters before anyone sees them.
 */
import { z } from 'zod';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** A blank-padded PKCS#11 string (some modules pad with NULs), trimmed; control characters are replaced so they cannot reach a terminal. */
const paddedText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) =>
      s
        .replace(/\u0000/g, '')
        .replace(CONTROL_CHARACTERS, '?')
        .trim(),
    );

const version = z.object({ major: z.number().int().min(0).max(255), minor: z.number().int().min(0).max(255) });
const ulong = z.union([z.number().int().min(0), z.bigint().min(0n)]);

export const moduleInfoSchema = z.object({
  cryptokiVersion: version,
  manufacturerID: paddedText(32),
  libraryDescription: paddedText(32),
  libraryVersion: version,
});
export type ModuleInfo = z.infer<typeof moduleInfoSchema>;

export const slotInfoSchema = z.object({
  slotDescription: paddedText(64),
  manufacturerID: paddedText(32),
  flags: z.number().int().min(0),
});

export const tokenInfoSchema = z.object({
  label: paddedText(32),
  manufacturerID: paddedText(32),
  model: paddedText(16),
  serialNumber: paddedText(16),
  flags: z.number().int().min(0),
  hardwareVersion: version,
  firmwareVersion: version,
  maxPinLen: ulong,
  minPinLen: ulong,
});
export type RawTokenInfo = z.infer<typeof tokenInfoSchema>;

export const mechanismListSchema = z.array(z.number().int().min(0).max(0xffffffff)).max(4096);

export const mechanismInfoSchema = z.object({
  minKeySize: z.number().int().min(0),
  maxKeySize: z.number().int().min(0),
  flags: z.number().int().min(0),
});
export type MechanismInfo = z.infer<typeof mechanismInfoSchema>;

/** Slot, session and object handles: the binding hands them out as small Buffers. */
export const handleSchema = z.instanceof(Buffer).refine((b) => b.length > 0 && b.length <= 8, 'a handle is 1-8 bytes');
export const handleListSchema = z.array(handleSchema).max(4096);

export const attributeValuesSchema = z.array(z.object({ type: z.number().int(), value: z.instanceof(Buffer) }));

/** A wrapped key the module returns: bytes, bounded (an RSA-16384 OAEP block or a large PKCS#8 at most). */
export const wrappedBytesSchema = z
  .instanceof(Buffer)
  .refine((b) => b.length > 0 && b.length <= 16 * 1024, 'wrapped key bytes must be 1 to 16384 bytes');

/** Token flags that matter here (PKCS#11 CKF_*). */
export const TOKEN_FLAG = {
  LOGIN_REQUIRED: 0x00000004,
  USER_PIN_INITIALIZED: 0x00000008,
  TOKEN_INITIALIZED: 0x00000400,
  USER_PIN_COUNT_LOW: 0x00010000,
  USER_PIN_FINAL_TRY: 0x00020000,
  USER_PIN_LOCKED: 0x00040000,
} as const;
