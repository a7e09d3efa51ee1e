/**
 * The KMS API's wire shapes (v1.0), as zod schemas. Answers are validated before use; anything
 * that does not match is a KMS_BAD_RESPONSE, never a crash or a silently wrong value.
 */
import { z } from 'zod';
import { HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS } from '../bundle/bundle-limits';
import { KEY_ALIAS_PATTERN, KEY_ID_PATTERN } from '../identifiers';
import { KMS_STATE_WIRE } from '../../i18n/kms-state';

export { KEY_ALIAS_PATTERN, KEY_ID_PATTERN };
export const IMPORT_TOKEN_PATTERN = /^[0-9a-zA-Z+/=]{200,6144}$/;
export const ENCRYPTED_KEY_MATERIAL_PATTERN = new RegExp(
  `^[0-9a-zA-Z+/=]{${HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS.min},${HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS.max}}$`,
);
export const ENCRYPTED_PRIVATE_KEY_PATTERN = /^[0-9a-zA-Z+/=]{200,6144}$/;
const BASE64 = /^[0-9a-zA-Z+/]*={0,2}$/;

/** The KMS actions Keyferry calls, as they appear in the URL. */
export const KMS_ACTIONS = [
  'create-key',
  'describe-key',
  'list-keys',
  'enable-key',
  'disable-key',
  'schedule-key-deletion',
  'cancel-key-deletion',
  'get-parameters-for-import',
  'import-key-material',
  'delete-imported-key-material',
  'get-publickey',
  'encrypt-data',
  'decrypt-data',
  'sign',
  'verify',
] as const;
export type KmsAction = (typeof KMS_ACTIONS)[number];

const numericString = z.string().regex(/^\d+$/);
const keyIdString = z.string().regex(KEY_ID_PATTERN);
const base64String = z.string().regex(BASE64);

const keyInfoWire = z.object({
  key_id: keyIdString,
  domain_id: z.string().optional(),
  key_alias: z.string().optional(),
  key_spec: z.string().optional(),
  key_usage: z.string().optional(),
  key_description: z.string().optional(),
  creation_date: numericString.optional(),
  scheduled_deletion_date: z.string().optional(),
  key_state: z.enum(KMS_STATE_WIRE),
  origin: z.enum(['kms', 'external', 'cloudhsm']).optional(),
  expiration_time: z.string().optional(),
});
export type KeyInfoWire = z.infer<typeof keyInfoWire>;

export const createKeyAnswer = z.object({ key_info: z.object({ key_id: keyIdString, domain_id: z.string() }) });
export const describeKeyAnswer = z.object({ key_info: keyInfoWire });
export const listKeysAnswer = z.object({
  keys: z.array(keyIdString).optional(),
  key_details: z.array(keyInfoWire),
  next_marker: z.string().optional(),
  truncated: z.enum(['true', 'false']),
  total: z.number().int().nonnegative().optional(),
});
export const keyStateAnswer = z.object({
  key_info: z.object({ key_id: keyIdString, key_state: z.enum(KMS_STATE_WIRE) }),
});
export const keyDeletionAnswer = z.object({ key_id: keyIdString, key_state: z.enum(KMS_STATE_WIRE) });
export const importParametersAnswer = z.object({
  key_id: keyIdString,
  import_token: z.string().regex(IMPORT_TOKEN_PATTERN),
  expiration_time: z.number().int().positive(),
  public_key: base64String.min(1),
});
export const emptyAnswer = z.object({}).loose();
export const publicKeyAnswer = z.object({ key_id: keyIdString, public_key: z.string().min(1) });
export const encryptAnswer = z.object({ key_id: keyIdString, cipher_text: base64String.min(1) });
export const decryptAnswer = z.object({
  key_id: keyIdString,
  plain_text: z.string(),
  plain_text_base64: base64String.optional(),
});
export const signAnswer = z.object({ key_id: keyIdString, signature: base64String.min(1) });
export const verifyAnswer = z.object({ key_id: keyIdString, signature_valid: z.enum(['true', 'false']) });

/** Error answers: the KMS's nested shape and the API gateway's flat one. */
export const nestedErrorAnswer = z.object({
  error: z.object({ error_code: z.string().min(1), error_msg: z.string().optional() }),
});
export const flatErrorAnswer = z.object({
  error_code: z.string().min(1),
  error_msg: z.string().optional(),
  request_id: z.string().optional(),
});
