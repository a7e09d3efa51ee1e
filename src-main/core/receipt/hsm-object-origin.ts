/**
 * What a receipt says of where each key's token object had its material, from the session's
 * journal: `generated` by this ceremony in the token (material.generated), else chosen in the token
 * (material.hsm-selected, or material.hsm-recalled by a restore) and judged by the attributes the
 * token answered when it was chosen (core/hsm/chosen-object.ts): `kept` (generated there, always
 * sensitive), `imported` (not generated there: it existed outside the token), `readable` (generated
 * there but readable in plain form at some time), `exposed` (readable in plain form now: CKA_SENSITIVE
 * false, whatever else is known), `unknown` (the token did not say, or an entry of
 * an earlier version records nothing). Only when every key is `generated` or `kept` may the receipt
 * say the material stayed inside the token; when some is `imported`, `readable` or `exposed` it says not all of
 * it did; else (some `unknown`) that it is not known for every key.
 */
import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalogue';
import type { JournalEntry } from '../journal';

export const HSM_OBJECT_ORIGINS = ['generated', 'kept', 'imported', 'readable', 'exposed', 'unknown'] as const;
export type HsmObjectOrigin = (typeof HSM_OBJECT_ORIGINS)[number];

const chosenSchema = z.object({
  keyId: z.string(),
  objectLocal: z.boolean().nullable().optional(),
  objectAlwaysSensitive: z.boolean().nullable().optional(),
  objectSensitive: z.boolean().nullable().optional(),
});

const CHOSEN_EVENTS: ReadonlySet<string> = new Set(['material.hsm-selected', 'material.hsm-recalled']);

function chosenOrigin({
  objectLocal: local,
  objectAlwaysSensitive: alwaysSensitive,
  objectSensitive: sensitive,
}: z.infer<typeof chosenSchema>): HsmObjectOrigin {
  if (sensitive === false) return 'exposed';
  if (local === false) return 'imported';
  if (local === true && alwaysSensitive === false) return 'readable';
  return local === true && alwaysSensitive === true ? 'kept' : 'unknown';
}

/** The origin of each material owner's token object (by key id) in `session`, the entries of one session. */
export function hsmObjectOrigins(session: readonly JournalEntry[]): Map<string, HsmObjectOrigin> {
  const origins = new Map<string, HsmObjectOrigin>();
  for (const entry of session) {
    const keyId = typeof entry.data.keyId === 'string' ? entry.data.keyId : undefined;
    if (keyId === undefined || entry.data.keptInHsm !== true) continue;
    if (entry.event === 'material.generated') origins.set(keyId, 'generated');
    else if (CHOSEN_EVENTS.has(entry.event)) {
      const chosen = chosenSchema.safeParse(entry.data);
      origins.set(keyId, chosen.success ? chosenOrigin(chosen.data) : 'unknown');
    }
  }
  return origins;
}

/** Which lead the receipt's HSM section opens with (see above). */
export type HsmLead = 'kept' | 'notAll' | 'unknown';

/** The catalogue text of each lead. */
export const HSM_LEAD_MESSAGES = {
  kept: 'receipt.hsm.lead',
  notAll: 'receipt.hsm.leadNotAll',
  unknown: 'receipt.hsm.leadUnknown',
} as const satisfies Record<HsmLead, MessageKey>;

/** The lead for the origins of a session's keys. */
export function hsmLeadOf(origins: readonly HsmObjectOrigin[]): HsmLead {
  if (origins.some((o) => o === 'imported' || o === 'readable' || o === 'exposed')) return 'notAll';
  return origins.every((o) => o === 'generated' || o === 'kept') ? 'kept' : 'unknown';
}
