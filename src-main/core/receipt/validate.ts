/** Refuses receipt inputs that would print something misleading (see types.ts). */
import { KEY_SPECS, isAsymmetric } from '../crypto/key-spec';
import { isCeremonySide } from '../ceremony-sides';
import { KeyferryError } from '../errors';
import { CEREMONY_ID_PATTERN, IDENTIFIERS } from '../identifiers';
import { isMessageKey } from '../../i18n/catalogue';
import type { ReceiptInput, ReceiptKey } from './types';

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_TEXT = 1000;

/** A fault in Keyferry's own receipt input: `detail` is for whoever fixes Keyferry, so it stays in English. */
function bad(detail: string): never {
  throw new KeyferryError('RECEIPT_INPUT_INVALID', { detail });
}

function text(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT)
    bad(`${what} must be 1-${MAX_TEXT} characters`);
}

/** A text, or a catalogue phrase (a known key, values strings and numbers). */
function textOrPhrase(value: unknown, what: string): void {
  if (typeof value === 'string') return text(value, what);
  const p = value as { key?: unknown; values?: unknown } | null;
  if (!p || typeof p !== 'object' || typeof p.key !== 'string' || !isMessageKey(p.key))
    bad(`${what} is not a known text`);
  if (p.values !== undefined) {
    if (!p.values || typeof p.values !== 'object') bad(`${what} has malformed values`);
    for (const v of Object.values(p.values)) {
      if (typeof v === 'string') {
        if (v.length > MAX_TEXT) bad(`${what} has a value over ${MAX_TEXT} characters`);
      } else if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${what} has a value that is not text or a number`);
    }
  }
}

function hex64(value: unknown, what: string): void {
  if (typeof value !== 'string' || !HEX64.test(value)) bad(`${what} must be 64 lowercase hex digits`);
}

function wholeNumber(value: unknown, what: string, min = 0): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    bad(`${what} must be a whole number of at least ${min}`);
}

function checkKey(key: ReceiptKey, n: number, side: ReceiptInput['side']): void {
  const at = `key ${n}`;
  text(key.keyId, `${at}: the key ID`);
  text(key.alias, `${at}: the alias`);
  if (!(KEY_SPECS as readonly string[]).includes(key.spec)) bad(`${at}: unknown key spec`);
  text(key.usage, `${at}: the usage`);
  text(key.wrappingAlgorithm, `${at}: the wrapping algorithm`);
  hex64(key.wrappingKeyFingerprint, `${at}: the wrapping-key fingerprint`);
  hex64(key.importTokenSha256, `${at}: the import token SHA-256`);
  key.outputFiles.forEach((file, i) => {
    text(file.name, `${at}: output file ${i + 1}'s name`);
    wholeNumber(file.size, `${at}: output file ${i + 1}'s size`);
    hex64(file.sha256, `${at}: output file ${i + 1}'s SHA-256`);
  });
  if (isAsymmetric(key.spec)) {
    hex64(key.publicKeyFingerprint, `${at}: the public-key fingerprint (required for ${key.spec})`);
    if (key.materialExpiry !== 'never') bad(`${at}: imported asymmetric material never expires`);
  } else if (typeof key.keyCheckValue !== 'string' || !/^[0-9a-f]{6,64}$/.test(key.keyCheckValue)) {
    bad(`${at}: the key check value (required for ${key.spec}) must be 6-64 lowercase hex digits`);
  }
  if (
    key.materialExpiry !== 'never' &&
    (!(key.materialExpiry instanceof Date) || Number.isNaN(key.materialExpiry.getTime()))
  )
    bad(`${at}: the material expiry must be 'never' or a valid date`);
  if (side === 'online') {
    textOrPhrase(key.importResult, `${at}: the import result (required on the online side)`);
    textOrPhrase(key.verificationResult, `${at}: the verification result (required on the online side)`);
    if (key.custodyCopy !== undefined) textOrPhrase(key.custodyCopy, `${at}: the custody copy`);
    if (key.importedFrom !== undefined) textOrPhrase(key.importedFrom, `${at}: the bundle it was imported from`);
  } else if (
    [key.importResult, key.verificationResult, key.custodyCopy, key.importedFrom].some((v) => v !== undefined)
  ) {
    bad(
      `${at}: import and verification results, the custody copy and the bundle imported from belong to the online side only`,
    );
  }
  if (key.custody) {
    const indexes = key.custody.holders.map((h) => h.shareIndex);
    indexes.forEach((i) => wholeNumber(i, `${at}: a share index`, 1));
    if (new Set(indexes).size !== indexes.length) bad(`${at}: share indexes must be unique`);
    key.custody.holders.forEach((h) => text(h.custodian, `${at}: a custodian's name`));
    wholeNumber(key.custody.threshold, `${at}: the custody threshold`, 1);
    if (key.custody.threshold > indexes.length) bad(`${at}: the custody threshold exceeds the number of shares`);
    // Printed whole and as the set tag of every share and backup file name: a wrong one names no file.
    if (key.custody.backupDigest !== undefined) hex64(key.custody.backupDigest, `${at}: the custody backup digest`);
    const restored = key.custody.restoredFrom;
    if (restored) {
      wholeNumber(restored.total, `${at}: the number of shares handed out`, 1);
      if (indexes.some((i) => i > restored.total)) bad(`${at}: a share index exceeds the number of shares handed out`);
      key.custody.holders.forEach((h) => text(h.presentedBy, `${at}: who presented share ${h.shareIndex}`));
    }
  }
}

/**
 * A replica names a primary of the same spec, printed on the same receipt unless the replica is in
 * a round of its own (its material deleted or lapsed, or its import left undone); groups are not chained.
 */
function checkReplicaGroups(input: ReceiptInput): void {
  const byId = new Map(input.keys.map((k) => [k.keyId, k]));
  input.keys.forEach((key, i) => {
    const at = `key ${i + 1}`;
    if (key.place) {
      text(key.place.region, `${at}: the region`);
      text(key.place.projectId, `${at}: the project ID`);
    }
    if (key.groupProof !== undefined) textOrPhrase(key.groupProof, `${at}: the replica group's proof`);
    if (key.replicaOf === undefined) return;
    const primary = byId.get(key.replicaOf);
    if (primary === undefined) return;
    if (primary === key) bad(`${at}: a replica of itself`);
    if (primary.replicaOf !== undefined) bad(`${at}: a replica of a replica`);
    if (primary.spec !== key.spec) bad(`${at}: a replica of a key of another spec`);
    if (key.groupProof !== undefined) bad(`${at}: a group's proof belongs to its primary`);
  });
}

/** Throws KeyferryError RECEIPT_INPUT_INVALID when `input` is not fit to print. */
export function checkReceiptInput(input: ReceiptInput): void {
  if (typeof input.ceremonyId !== 'string' || !CEREMONY_ID_PATTERN.test(input.ceremonyId))
    bad(`the ceremony ID is not valid (${IDENTIFIERS.ceremonyId.rule})`);
  text(input.title, 'the title');
  if (!isCeremonySide(input.side)) bad('the side must be online or air-gapped');
  if (!(input.clock.at instanceof Date) || Number.isNaN(input.clock.at.getTime())) bad('the time is not a valid date');
  wholeNumber(Math.abs(input.clock.utcOffsetMinutes), 'the UTC offset');
  if (Math.abs(input.clock.utcOffsetMinutes) > 14 * 60) bad('the UTC offset is beyond ±14 hours');
  if (input.clock.timeZone !== undefined) text(input.clock.timeZone, 'the time zone');
  text(input.workstation.hostname, 'the hostname');
  text(input.workstation.os, 'the operating system');
  text(input.app.version, 'the app version');
  text(input.app.build, 'the app build');
  text(input.operator, "the operator's name");
  input.witnesses.forEach((w, i) => text(w, `witness ${i + 1}'s name`));
  if (input.keys.length === 0) bad('a receipt needs at least one key');
  input.keys.forEach((key, i) => checkKey(key, i + 1, input.side));
  checkReplicaGroups(input);
  text(input.bundle.name, 'the bundle name');
  hex64(input.bundle.digest, 'the bundle digest');
  if (input.parametersBundle !== null) {
    text(input.parametersBundle.name, 'the import-parameters bundle name');
    hex64(input.parametersBundle.digest, 'the import-parameters bundle digest');
  }
  if (!Array.isArray(input.people) || !input.people.some((p) => p.role === 'operator'))
    bad('the people section must name the operator');
  input.people.forEach((p, i) => {
    text(p.name, `person ${i + 1}'s name`);
    p.records.forEach((r: unknown) => textOrPhrase(r, `a line about ${p.name}`));
  });
  if (!Array.isArray(input.deviations)) bad('the deviations must be a list (empty when there are none)');
  input.deviations.forEach((d) => {
    wholeNumber(d.seq, 'a deviation entry number', 1);
    if (d.seq > input.journal.count) bad(`deviation entry ${d.seq} lies after the journal head`);
    text(d.event, `deviation entry ${d.seq}'s event`);
    text(d.actor, `deviation entry ${d.seq}'s actor`);
    text(d.time, `deviation entry ${d.seq}'s time`);
  });
  hex64(input.journal.headHash, 'the journal head hash');
  wholeNumber(input.journal.count, 'the journal entry count');
}
