/**
 * The one definition of every identifier a ceremony carries: ceremony id, KMS key id, project id,
 * region and key alias. Bundle manifests, the journal, receipts, custody share files, IPC schemas,
 * the KMS client, the simulator and the CLI all take their pattern and zod schema from here, so a
 * value one of them accepts is never refused by another after material exists.
 *
 * What Huawei Cloud documents (API reference of KMS/DEW, IAM "Obtaining a project ID"):
 * - key_id: "36 bytes, matching ^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$";
 * - project_id: a path parameter "String"; every project id IAM hands out (console, GET /v3/projects)
 *   is 32 lower-case hex digits, one per region (sub-projects too);
 * - regions: ids such as cn-north-4, ap-southeast-1, eu-west-101, my-kualalumpur-1 (also the IAM
 *   project name of the region), used as a DNS label in kms.{region}.myhuaweicloud.com;
 * - key_alias: ^[a-zA-Z0-9:/_-]{1,255}$.
 * The ceremony id is Keyferry's own: it names receipt files and is printed on paper, so it is
 * limited to what is safe in a file name and in CSS/HTML without escaping.
 *
 * Renderer-safe: zod only (IPC schemas import it).
 */
import { z } from 'zod';

/** Keyferry ceremony ids (generated as KF-YYYYMMDD-xxxxxx): 1-64 of A-Z a-z 0-9 . _ -, starting alphanumeric. */
export const CEREMONY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A ceremony id Keyferry made (ceremony-id.ts newCeremonyId): KF-, the UTC date, six lower-case base32 characters. */
export const GENERATED_CEREMONY_ID_PATTERN = /^KF-\d{8}-[a-z2-7]{6}$/;
/** Huawei Cloud KMS key ids, exactly as the API reference defines them. */
export const KEY_ID_PATTERN = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;
/** Huawei Cloud project ids: 32 lower-case hex digits. */
export const PROJECT_ID_PATTERN = /^[0-9a-f]{32}$/;
/** Huawei Cloud region ids such as cn-north-4 or ap-southeast-1. */
export const REGION_PATTERN = /^[a-z]{2,3}(?:-[a-z]+)+-[0-9]{1,3}$/;
/** KMS key aliases, as create-key accepts them. */
export const KEY_ALIAS_PATTERN = /^[a-zA-Z0-9:/_-]{1,255}$/;

/** Every identifier, its pattern and the rule in words (for messages and zod). */
export const IDENTIFIERS = {
  ceremonyId: {
    label: 'ceremony id',
    pattern: CEREMONY_ID_PATTERN,
    rule: 'a ceremony id is 1-64 letters, digits, dots, underscores and dashes, starting with a letter or digit (e.g. KF-20261130-abcdef)',
  },
  keyId: {
    label: 'key id',
    pattern: KEY_ID_PATTERN,
    rule: 'a KMS key id is 36 characters: lower-case letters and digits in groups of 8-4-4-4-12 separated by dashes (e.g. 0d0466b0-e727-4d9c-b35d-f84bb474a37f)',
  },
  projectId: {
    label: 'project id',
    pattern: PROJECT_ID_PATTERN,
    rule: 'a project id is 32 lower-case hex digits, as the console shows under My Credentials → API Credentials → Projects',
  },
  region: {
    label: 'region',
    pattern: REGION_PATTERN,
    rule: 'a region is an id such as cn-north-4 or ap-southeast-1, as the console shows it',
  },
  keyAlias: {
    label: 'key alias',
    pattern: KEY_ALIAS_PATTERN,
    rule: 'a key alias is 1-255 of a-z A-Z 0-9 : / _ -',
  },
} as const;

export type IdentifierKind = keyof typeof IDENTIFIERS;

function identifierSchema(kind: IdentifierKind) {
  const { pattern, rule } = IDENTIFIERS[kind];
  return z.string().regex(pattern, rule);
}

export const ceremonyIdSchema = identifierSchema('ceremonyId');
export const keyIdSchema = identifierSchema('keyId');
export const projectIdSchema = identifierSchema('projectId');
export const regionSchema = identifierSchema('region');
export const keyAliasSchema = identifierSchema('keyAlias');

/**
 * A key id as a journal entry that names an HSM token object gives it (core/ceremony/airgap/
 * crashed-session-token-objects.ts), taken as written: any text up to 256 characters. Keyferry
 * journals KMS key ids only (its bundles accept no other), but a leftover object is named whatever
 * its entry says, never left out for an id of another shape (the object is still in the token), and
 * the app's answer naming such objects (ipc/schemas/airgap.ts) takes exactly these.
 */
export const journaledKeyIdSchema = z.string().min(1).max(256);
