/**
 * Import parameters on the online side: turning a get-parameters-for-import answer into the
 * journal record (what the KMS issued) and that record back into bundle parameters, so the
 * bundle can be written in the same session or a later one.
 */
import { importParametersFromKmsAnswer, type BoundMaterial, type ImportParameters } from '../../bundle';
import { groupHex } from '../../hex-groups';
import { isAsymmetric, type WrappingAlgorithm } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import type { JsonObject } from '../../journal';
import type { ImportParameters as KmsImportParameters } from '../../kms/types';
import type { OnlineKeyState } from './state';
import type { IssuedSummary } from './types';

/** Checks an answer (as a bundle would carry it) and returns the journal event data and a summary. */
export function issuedFromAnswer(
  key: OnlineKeyState,
  answer: KmsImportParameters,
  wrappingAlgorithm: WrappingAlgorithm,
  region: string,
  projectId: string,
): { event: JsonObject; summary: IssuedSummary } {
  const checked = importParametersFromKmsAnswer({
    region,
    projectId,
    keyAlias: key.alias,
    keySpec: key.spec,
    keyUsage: key.usage,
    wrappingAlgorithm,
    answer: {
      key_id: answer.keyId,
      public_key: answer.publicKeyDer.toString('base64'),
      import_token: answer.importToken,
      expiration_time: Math.floor(answer.expiresAt.getTime() / 1000),
    },
  });
  const token = checked.importToken as NonNullable<ImportParameters['importToken']>;
  const tokenExpiresAt = token.expiry?.expiresAt ?? answer.expiresAt.toISOString();
  const fingerprint = checked.wrappingKey.fingerprint;
  return {
    event: {
      keyId: key.keyId,
      wrappingAlgorithm,
      wrappingKeyFingerprint: fingerprint,
      importTokenSha256: token.sha256,
      importToken: token.value,
      tokenExpiresAt,
      wrappingPublicKey: answer.publicKeyDer.toString('base64'),
      region,
      projectId,
    },
    summary: {
      keyId: key.keyId,
      alias: key.alias,
      spec: key.spec,
      wrappingAlgorithm,
      wrappingKeyFingerprint: fingerprint,
      wrappingKeyFingerprintGrouped: groupHex(fingerprint),
      importTokenSha256: token.sha256,
      tokenExpiresAt,
      ...(key.target ? { replicaRegion: key.target.region } : {}),
    },
  };
}

/**
 * The material expiry a key's next import is to request (bundle format 4): asymmetric material
 * never expires; a key that held material before keeps the expiry it was imported with (it waits
 * for that material again: a restore asks the officer before changing it); any other key takes
 * its own planned one (journaled with its creation), else the plan's (`planned`: "never" or an ISO time).
 */
export function keyMaterialExpiry(key: OnlineKeyState, planned: string): string {
  if (isAsymmetric(key.spec)) return 'never';
  if (key.imported) return key.imported.expiresAt ?? 'never';
  return key.plannedExpiry ?? planned;
}

/**
 * The parameters of `key` for an import-parameters bundle: its latest issuance (refused when its
 * token lapsed), the group it belongs to, the material it is bound to and its own material expiry
 * (`planned`: the plan's, for a key never imported into). `groupHolder`: the member outside
 * the round whose material a key never imported itself takes (group-material.ts).
 */
export function parametersForBundle(
  key: OnlineKeyState,
  now: Date,
  planned: string,
  groupHolder?: OnlineKeyState,
): ImportParameters {
  const issued = key.issued[key.issued.length - 1];
  if (!issued || Date.parse(issued.tokenExpiresAt) <= now.getTime()) {
    throw new KeyferryError('IMPORT_TOKEN_EXPIRED', {
      keyId: key.keyId,
      ...(issued ? { known: 'yes', at: Date.parse(issued.tokenExpiresAt) } : { known: 'no', at: 0 }),
    });
  }
  const parameters = importParametersFromKmsAnswer({
    region: issued.region,
    projectId: issued.projectId,
    keyAlias: key.alias,
    keySpec: key.spec,
    keyUsage: key.usage,
    wrappingAlgorithm: issued.wrappingAlgorithm,
    answer: {
      key_id: key.keyId,
      public_key: issued.wrappingPublicKey,
      import_token: issued.importToken,
      expiration_time: Math.floor(Date.parse(issued.tokenExpiresAt) / 1000),
    },
  });
  // A key never imported itself whose group's material a member outside the round holds takes that
  // material (group-material.ts): the holder's, bound at its first import.
  const bound = boundMaterialOf(key) ?? (groupHolder ? boundMaterialOf(groupHolder) : undefined);
  return {
    ...parameters,
    ...(key.replicaOf !== undefined ? { replicaOf: key.replicaOf } : {}),
    ...(bound ? { boundMaterial: bound } : {}),
    // A key taking its group's material takes the expiry the holder imported it with: one material, one expiry.
    materialExpiry: keyMaterialExpiry(key.imported || !groupHolder ? key : groupHolder, planned),
  };
}

/**
 * What the KMS bound `key` to at its first import, as this journal checked it before that import
 * (bundle format 3 carries it, so the air-gapped side refuses other material before generating).
 */
function boundMaterialOf(key: OnlineKeyState): BoundMaterial | undefined {
  const first = key.firstImport;
  if (!first) return undefined;
  if (first.keyCheckValue)
    return {
      kind: 'key-check-value',
      method: 'aes-ecb-zero-block',
      keyCheckValue: first.keyCheckValue.toUpperCase(),
      importedSeq: first.seq,
    };
  if (first.publicKeyFingerprint)
    return { kind: 'public-key-sha256', publicKeyFingerprint: first.publicKeyFingerprint, importedSeq: first.seq };
  return undefined;
}
