/**
 * The custody arrangement a wrapped-material manifest carries (zod only, so the IPC contract and
 * the renderer can use it too).
 */
import { z } from 'zod';

/** A person's or token's name as the online side shows it: plain text, no control or format characters. */
const shownName = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'cannot contain control characters');

/**
 * Who keeps a copy of the material besides the KMS, so the online side can show it before importing:
 * M-of-N shares and the custodians by name (share order), an HSM token, the material files the
 * officer loaded, or no copy at all (and whether the officer acknowledged that on the air-gapped side).
 */
export const custodyArrangementSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('shares'),
      threshold: z.number().int().min(2).max(16),
      total: z.number().int().min(2).max(16),
      /**
       * The holders, in share order: every holder of the split (a restore names them all when its
       * journal holds the split's record; otherwise only those who presented their shares).
       */
      custodians: z.array(shownName(1, 100)).min(1).max(16),
      /**
       * Format version 5: the custody set the shares belong to, by its backup's digest (every share
       * file and slip of the set records it; its first 8 hex digits are the set's tag in the share
       * files' names). Absent for per-key shares (before custody sets) and in older bundles.
       */
      backupDigest: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
        .optional(),
      /** A restore: the shares presented, by index, with who handed each over. */
      presented: z
        .array(
          z.strictObject({
            shareIndex: z.number().int().min(1).max(16),
            custodian: shownName(1, 100),
            presentedBy: shownName(1, 100),
          }),
        )
        .min(1)
        .max(16)
        .optional(),
    })
    .refine((c) => c.threshold <= c.total && c.custodians.length <= c.total, {
      message: 'threshold must be at most total, with at most one custodian per share',
    }),
  /** A PKCS#11 token's label and serial (either may be blank on some tokens). */
  z.strictObject({ kind: z.literal('hsm-token'), label: shownName(0, 64), serial: shownName(0, 64) }),
  /** Every key's material was loaded from a file the officer brought (and keeps). */
  z.strictObject({ kind: z.literal('material-files') }),
  z.strictObject({ kind: z.literal('none'), acknowledged: z.boolean() }),
]);
export type CustodyArrangement = z.infer<typeof custodyArrangementSchema>;
