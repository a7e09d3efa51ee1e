/** create-key, describe-key, list-keys, enable-key, disable-key, schedule/cancel-key-deletion. */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { KEY_ALIAS_PATTERN } from '../../kms/api-schemas';
import { KEY_SPEC_INFO, KEY_SPECS, type KeySpec, type KeyUsage } from '../../crypto/key-spec';
import { findKey, keyInfoOf, type ActionHandler } from '../context';
import { checkSequence, enumString, keyIdField, optionalInteger, optionalString, requiredString } from '../fields';
import { simError } from '../sim-error';
import type { SimKey } from '../state';
import { KMS_STATE_WIRE } from '../../../i18n/kms-state';

const MAX_KEYS = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

function allowedUsages(spec: KeySpec): KeyUsage[] {
  const kind = KEY_SPEC_INFO[spec].kind;
  return kind === 'symmetric'
    ? ['ENCRYPT_DECRYPT']
    : kind === 'rsa'
      ? ['SIGN_VERIFY', 'ENCRYPT_DECRYPT']
      : ['SIGN_VERIFY'];
}

function generateMaterial(spec: KeySpec): Promise<string> {
  const info = KEY_SPEC_INFO[spec];
  if (info.kind === 'symmetric') return Promise.resolve(randomBytes(32).toString('base64'));
  const encoding = {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  } as const;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, _pub: Buffer, priv: Buffer) =>
      error ? reject(error) : resolve(priv.toString('base64'));
    if (info.kind === 'rsa') generateKeyPair('rsa', { modulusLength: info.bits ?? 2048, ...encoding }, done);
    else generateKeyPair('ec', { namedCurve: info.namedCurve ?? 'prime256v1', ...encoding }, done);
  });
}

export const createKey: ActionHandler = async (ctx, body) => {
  const alias = requiredString(body, 'key_alias');
  if (!KEY_ALIAS_PATTERN.test(alias)) throw simError('KMS.1101');
  const spec = enumString(body, 'key_spec', KEY_SPECS, 'AES_256');
  const usage = enumString(body, 'key_usage', allowedUsages(spec), KEY_SPEC_INFO[spec].defaultUsage);
  const description = optionalString(body, 'key_description') ?? '';
  if (description.length > 255) throw simError('KMS.1103');
  const origin = enumString(body, 'origin', ['kms', 'external'] as const, 'kms');
  optionalString(body, 'enterprise_project_id');
  checkSequence(body);
  const material = origin === 'kms' ? await generateMaterial(spec) : undefined;
  // Checked after the await, with no await before the insert: no two keys share an alias.
  const keys = [...ctx.state.keys.values()];
  if (keys.some((k) => k.alias === alias)) throw simError('KMS.1104');
  if (keys.length >= MAX_KEYS) throw simError('KMS.1105');
  const key: SimKey = {
    keyId: randomUUID(),
    alias,
    spec,
    usage,
    description,
    origin,
    state: material ? 2 : 5,
    createdAt: ctx.now(),
    ...(material ? { material } : {}),
  };
  ctx.state.keys.set(key.keyId, key);
  return { body: { key_info: { key_id: key.keyId, domain_id: ctx.state.domainId } }, changed: true };
};

export const describeKey: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  checkSequence(body);
  return { body: { key_info: keyInfoOf(ctx, findKey(ctx, keyId)) }, changed: false };
};

export const listKeys: ActionHandler = (ctx, body) => {
  const limit = optionalInteger(body, 'limit', 'KMS.1601') ?? 1000;
  if (limit < 1 || limit > 1000) throw simError('KMS.1601');
  const marker = optionalInteger(body, 'marker', 'KMS.1602') ?? 0;
  if (marker < 0) throw simError('KMS.1602');
  const state = body.key_state === undefined ? undefined : enumString(body, 'key_state', KMS_STATE_WIRE);
  const spec = body.key_spec === undefined ? undefined : enumString(body, 'key_spec', KEY_SPECS);
  checkSequence(body);
  const matching = [...ctx.state.keys.values()].filter(
    (k) => (state === undefined || String(k.state) === state) && (spec === undefined || k.spec === spec),
  );
  const page = matching.slice(marker, marker + limit);
  const truncated = marker + limit < matching.length;
  return {
    body: {
      keys: page.map((k) => k.keyId),
      key_details: page.map((k) => keyInfoOf(ctx, k)),
      next_marker: truncated ? String(marker + limit) : '',
      truncated: truncated ? 'true' : 'false',
      total: matching.length,
    },
    changed: false,
  };
};

export const enableKey: ActionHandler = (ctx, body) => {
  const key = findKey(ctx, keyIdField(body));
  if (key.state !== 3) throw simError('KMS.1201');
  key.state = 2;
  return { body: { key_info: { key_id: key.keyId, key_state: '2' } }, changed: true };
};

export const disableKey: ActionHandler = (ctx, body) => {
  const key = findKey(ctx, keyIdField(body));
  if (key.state !== 2) throw simError('KMS.1301');
  key.state = 3;
  return { body: { key_info: { key_id: key.keyId, key_state: '3' } }, changed: true };
};

export const scheduleKeyDeletion: ActionHandler = (ctx, body) => {
  const keyId = keyIdField(body);
  const days = optionalInteger(body, 'pending_days', 'KMS.1401');
  if (days === undefined) throw simError('KMS.0204', 'Missing pending_days.');
  if (days < 7 || days > 1096) throw simError('KMS.1401');
  const key = findKey(ctx, keyId);
  if (key.state === 4) throw simError('KMS.1402');
  key.state = 4;
  key.scheduledDeletionAt = ctx.now() + days * DAY_MS;
  return { body: { key_id: key.keyId, key_state: '4' }, changed: true };
};

export const cancelKeyDeletion: ActionHandler = (ctx, body) => {
  const key = findKey(ctx, keyIdField(body));
  if (key.state !== 4) throw simError('KMS.1501');
  // A key that never received material goes back to waiting for it.
  key.state = key.material === undefined && key.origin === 'external' ? 5 : 3;
  delete key.scheduledDeletionAt;
  return { body: { key_id: key.keyId, key_state: String(key.state) }, changed: true };
};
