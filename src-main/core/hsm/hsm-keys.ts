/**
 * Key objects inside the HSM: generating the ceremony's material (AES-256 keys, RSA and EC key
 * pairs), finding keys that already live there, checking what a key is and whether it may be
 * wrapped, and reading public keys out as SubjectPublicKeyInfo DER. Private and secret values
 * are generated sensitive and are never read.
 */
import { createPublicKey } from 'node:crypto';
import { KEY_SPEC_INFO, type KeySpec } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import { listValue } from '../../i18n/list';
import { CKA, CKK, CKO, readBool, readUlong, type TemplateEntry } from './attributes';
import { hsmCall } from './hsm-error';
import type { HsmSession } from './hsm-session';
import { MECHANISM } from './mechanisms';
import { attributeValuesSchema, handleListSchema, handleSchema } from './pkcs11-answers';
import type { TokenObjectClass } from './token-object-class';
import type { CreatedTokenObject } from './token-objects';

/** Named-curve OIDs (DER) for CKA_EC_PARAMS. */
const EC_PARAMS: Readonly<Record<'prime256v1' | 'secp384r1', Buffer>> = {
  prime256v1: Buffer.from('06082a8648ce3d030107', 'hex'),
  secp384r1: Buffer.from('06052b81040022', 'hex'),
};
const EC_POINT_BYTES = { prime256v1: 65, secp384r1: 97 } as const;
const EC_JWK_CURVE = { prime256v1: 'P-256', secp384r1: 'P-384' } as const;

/** How a key object is kept: as a token object (custody) or only for this session. */
interface KeyPlacement {
  /** true: a token object that outlives the session (the ceremony's custody copy). */
  readonly token: boolean;
  /** CKA_LABEL, e.g. "keyferry KF-20261130-abcdef <key id>". */
  readonly label: string;
  /** CKA_ID bytes. */
  readonly id: Buffer;
  /** Told of each token object the moment it exists (before anything else can fail), so a stop can destroy it. */
  readonly created?: (object: CreatedTokenObject) => void;
}

/** Tells `placement` of a token object just generated (session objects are the session's to destroy). */
function noteCreated(placement: KeyPlacement, handle: Buffer, objectClass: TokenObjectClass): void {
  if (placement.token)
    placement.created?.({ handle, objectClass, label: placement.label, objectId: placement.id.toString('hex') });
}

/** The label a ceremony gives the material it generates for `keyId`. */
export function ceremonyObjectLabel(ceremonyId: string, keyId: string): string {
  return `keyferry ${ceremonyId} ${keyId}`;
}

/** A material key in the HSM: the object to wrap, and its public half for asymmetric specs. */
export interface HsmMaterialKey {
  readonly spec: KeySpec;
  readonly label: string;
  /** The secret (AES) or private key object. */
  readonly handle: Buffer;
  /** Asymmetric: the public key, SPKI DER, read from the HSM. */
  readonly publicKeySpkiDer: Buffer | null;
}

/** The values `object` holds of the attributes `types`, by type (an attribute it lacks is absent). */
export function attributes(session: HsmSession, object: Buffer, types: readonly number[]): Map<number, Buffer> {
  const answer = attributeValuesSchema.parse(
    hsmCall('attributes', () =>
      session.p11.C_GetAttributeValue(
        session.handle,
        object,
        types.map((type) => ({ type })),
      ),
    ),
  );
  return new Map(answer.map((a) => [a.type, a.value]));
}

function attribute(session: HsmSession, object: Buffer, type: number): Buffer {
  const value = attributes(session, object, [type]).get(type);
  if (!value) throw new KeyferryError('HSM_ANSWER_INVALID', { detail: `attribute 0x${type.toString(16)} missing` });
  return value;
}

/** Generates an AES-256 key. `encrypt` is set only when the token computes check values by encrypting. */
export function generateAesKey(
  session: HsmSession,
  placement: KeyPlacement,
  options: { encrypt: boolean; wrap?: boolean },
): Buffer {
  const template: TemplateEntry[] = [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: CKK.AES },
    { type: CKA.VALUE_LEN, value: 32 },
    { type: CKA.TOKEN, value: placement.token },
    { type: CKA.PRIVATE, value: true },
    { type: CKA.LABEL, value: placement.label },
    { type: CKA.ID, value: placement.id },
    { type: CKA.SENSITIVE, value: true },
    { type: CKA.EXTRACTABLE, value: true },
    { type: CKA.ENCRYPT, value: options.encrypt },
    { type: CKA.DECRYPT, value: false },
    { type: CKA.WRAP, value: options.wrap ?? false },
    { type: CKA.UNWRAP, value: false },
  ];
  const handle = handleSchema.parse(
    hsmCall('generate', () =>
      session.p11.C_GenerateKey(session.handle, { mechanism: MECHANISM.CKM_AES_KEY_GEN }, template),
    ),
  );
  noteCreated(placement, handle, 'CKO_SECRET_KEY');
  return placement.token ? handle : session.trackTemporary(handle);
}

/** Generates an RSA or EC key pair for `spec`; returns the material key with its public key read back. */
export function generateKeyPair(session: HsmSession, spec: KeySpec, placement: KeyPlacement): HsmMaterialKey {
  const info = KEY_SPEC_INFO[spec];
  const common: TemplateEntry[] = [
    { type: CKA.TOKEN, value: placement.token },
    { type: CKA.LABEL, value: placement.label },
    { type: CKA.ID, value: placement.id },
  ];
  let mechanism: number;
  let publicTemplate: TemplateEntry[];
  if (info.kind === 'rsa') {
    mechanism = MECHANISM.CKM_RSA_PKCS_KEY_PAIR_GEN;
    publicTemplate = [
      ...common,
      { type: CKA.MODULUS_BITS, value: info.bits! },
      { type: CKA.PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
      { type: CKA.VERIFY, value: true },
    ];
  } else if (info.kind === 'ec') {
    mechanism = MECHANISM.CKM_EC_KEY_PAIR_GEN;
    publicTemplate = [
      ...common,
      { type: CKA.EC_PARAMS, value: EC_PARAMS[info.namedCurve!] },
      { type: CKA.VERIFY, value: true },
    ];
  } else {
    throw new TypeError(`generateKeyPair: ${spec} is not an asymmetric spec`);
  }
  const privateTemplate: TemplateEntry[] = [
    ...common,
    { type: CKA.PRIVATE, value: true },
    { type: CKA.SENSITIVE, value: true },
    { type: CKA.EXTRACTABLE, value: true },
    { type: CKA.SIGN, value: true },
  ];
  const pair = hsmCall('generate', () =>
    session.p11.C_GenerateKeyPair(session.handle, { mechanism }, publicTemplate, privateTemplate),
  );
  const publicHandle = handleSchema.parse(pair.publicKey);
  const privateHandle = handleSchema.parse(pair.privateKey);
  noteCreated(placement, privateHandle, 'CKO_PRIVATE_KEY');
  noteCreated(placement, publicHandle, 'CKO_PUBLIC_KEY');
  if (!placement.token) {
    session.trackTemporary(publicHandle);
    session.trackTemporary(privateHandle);
  }
  return {
    spec,
    label: placement.label,
    handle: privateHandle,
    publicKeySpkiDer: publicKeySpki(session, spec, publicHandle, placement.label),
  };
}

function stripOctetString(point: Buffer, expected: number): Buffer {
  if (point.length === expected) return point;
  if (point.length === expected + 2 && point[0] === 0x04 && point[1] === expected) return point.subarray(2);
  throw new KeyferryError('HSM_ANSWER_INVALID', {
    detail: `CKA_EC_POINT of ${point.length} bytes, expected ${expected}`,
  });
}

/** The SubjectPublicKeyInfo DER of a public key object (RSA: modulus and exponent; EC: the point). */
export function publicKeySpki(session: HsmSession, spec: KeySpec, publicHandle: Buffer, keyName: string): Buffer {
  const info = KEY_SPEC_INFO[spec];
  if (info.kind === 'rsa') {
    const values = attributes(session, publicHandle, [CKA.MODULUS, CKA.PUBLIC_EXPONENT]);
    const n = values.get(CKA.MODULUS);
    const e = values.get(CKA.PUBLIC_EXPONENT);
    if (!n || !e)
      throw new KeyferryError('HSM_ANSWER_INVALID', { detail: 'CKA_MODULUS or CKA_PUBLIC_EXPONENT missing' });
    const key = createPublicKey({
      key: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') },
      format: 'jwk',
    });
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (bits !== info.bits) {
      throw new KeyferryError('HSM_KEY_WRONG_TYPE', { key: keyName, found: `RSA-${bits}`, spec });
    }
    return key.export({ type: 'spki', format: 'der' });
  }
  if (info.kind === 'ec') {
    const curve = info.namedCurve!;
    const params = attribute(session, publicHandle, CKA.EC_PARAMS);
    if (!params.equals(EC_PARAMS[curve])) {
      throw new KeyferryError('HSM_KEY_WRONG_TYPE', { key: keyName, found: `EC ${params.toString('hex')}`, spec });
    }
    const point = stripOctetString(attribute(session, publicHandle, CKA.EC_POINT), EC_POINT_BYTES[curve]);
    if (point[0] !== 0x04)
      throw new KeyferryError('HSM_ANSWER_INVALID', { detail: `EC point form 0x${point[0]!.toString(16)}` });
    const half = (point.length - 1) / 2;
    const key = createPublicKey({
      key: {
        kty: 'EC',
        crv: EC_JWK_CURVE[curve],
        x: point.subarray(1, 1 + half).toString('base64url'),
        y: point.subarray(1 + half).toString('base64url'),
      },
      format: 'jwk',
    });
    return key.export({ type: 'spki', format: 'der' });
  }
  throw new TypeError(`publicKeySpki: ${spec} has no public key`);
}

export function findObjects(session: HsmSession, template: TemplateEntry[]): Buffer[] {
  const p11 = session.p11;
  return hsmCall('find', () => {
    p11.C_FindObjectsInit(session.handle, template);
    try {
      return handleListSchema.parse(p11.C_FindObjects(session.handle, 16));
    } finally {
      p11.C_FindObjectsFinal(session.handle);
    }
  });
}

/** How a clash names a token object: its CKA_LABEL and CKA_ID (hex, when it has one), e.g. `"keyferry KF-… <key id>" (CKA_ID 6162…)`. */
export function describeObject(session: HsmSession, handle: Buffer): string {
  const values = attributes(session, handle, [CKA.LABEL, CKA.ID]);
  const label = `"${(values.get(CKA.LABEL) ?? Buffer.alloc(0)).toString('utf8')}"`;
  const id = (values.get(CKA.ID) ?? Buffer.alloc(0)).toString('hex');
  return id === '' ? label : `${label} (CKA_ID ${id})`;
}

/** Which key to use: by CKA_LABEL, or by CKA_ID (hex). */
type KeySelector = { readonly label: string } | { readonly idHex: string };

function selectorTemplate(selector: KeySelector): TemplateEntry {
  return 'label' in selector
    ? { type: CKA.LABEL, value: selector.label }
    : { type: CKA.ID, value: Buffer.from(selector.idHex, 'hex') };
}

function selectorValues(selector: KeySelector): { by: 'label' | 'id'; key: string; idText: string; keyText: string } {
  if ('label' in selector) return { by: 'label', key: selector.label, idText: 'no', keyText: '' };
  // Keyferry's CKA_ID is the KMS key id's bytes: said as that text too when it reads as one.
  const text = Buffer.from(selector.idHex, 'hex').toString('latin1');
  const readable = /^[\x21-\x7e]+$/.test(text);
  return { by: 'id', key: selector.idHex, idText: readable ? 'yes' : 'no', keyText: readable ? text : '' };
}

/**
 * The key for `spec` that `selector` names: exactly one secret (AES_256) or private key object,
 * of the right type and size, that the token allows to be wrapped; asymmetric keys with their
 * public key read from the matching public key object (or the private key's public attributes).
 * `where` the officer chose the key (the CLI's options or the app's controls): what an ambiguous
 * key's next step names.
 */
export function findMaterialKey(
  session: HsmSession,
  spec: KeySpec,
  selector: KeySelector,
  where: 'cli' | 'app' | 'restore' = 'cli',
): HsmMaterialKey {
  const info = KEY_SPEC_INFO[spec];
  const keyClass = info.kind === 'symmetric' ? CKO.SECRET_KEY : CKO.PRIVATE_KEY;
  const keyType = info.kind === 'symmetric' ? CKK.AES : info.kind === 'rsa' ? CKK.RSA : CKK.EC;
  const found = findObjects(session, [{ type: CKA.CLASS, value: keyClass }, selectorTemplate(selector)]);
  const kind = info.kind === 'symmetric' ? 'secret' : 'private';
  if (found.length === 0) {
    throw new KeyferryError('HSM_KEY_NOT_FOUND', { token: session.identity.label, kind, ...selectorValues(selector) });
  }
  if (found.length > 1) {
    throw new KeyferryError('HSM_KEY_AMBIGUOUS', {
      token: session.identity.label,
      count: found.length,
      ...selectorValues(selector),
      objectsList: listValue(found.map((handle) => describeObject(session, handle))),
      where,
    });
  }
  const handle = found[0]!;
  const values = attributes(session, handle, [CKA.KEY_TYPE, CKA.EXTRACTABLE, CKA.LABEL]);
  const label = (values.get(CKA.LABEL) ?? Buffer.alloc(0)).toString('utf8');
  const keyTypeFound = readUlong(values.get(CKA.KEY_TYPE)!);
  if (keyTypeFound !== keyType) {
    throw new KeyferryError('HSM_KEY_WRONG_TYPE', {
      key: selectorValues(selector).key,
      found: `CKK 0x${keyTypeFound.toString(16)}`,
      spec,
    });
  }
  if (!readBool(values.get(CKA.EXTRACTABLE)!)) {
    throw new KeyferryError('HSM_KEY_NOT_EXTRACTABLE', selectorValues(selector));
  }
  if (info.kind === 'symmetric') {
    const length = readUlong(attribute(session, handle, CKA.VALUE_LEN));
    if (length !== 32)
      throw new KeyferryError('HSM_KEY_WRONG_TYPE', {
        key: selectorValues(selector).key,
        found: `AES-${length * 8}`,
        spec,
      });
    return { spec, label, handle, publicKeySpkiDer: null };
  }
  const publics = findObjects(session, [{ type: CKA.CLASS, value: CKO.PUBLIC_KEY }, selectorTemplate(selector)]);
  let publicKeySpkiDer: Buffer;
  if (publics.length === 1) publicKeySpkiDer = publicKeySpki(session, spec, publics[0]!, selectorValues(selector).key);
  else if (info.kind === 'rsa') publicKeySpkiDer = publicKeySpki(session, spec, handle, selectorValues(selector).key);
  else {
    throw new KeyferryError('HSM_PUBLIC_KEY_NOT_FOUND', { token: session.identity.label, ...selectorValues(selector) });
  }
  return { spec, label, handle, publicKeySpkiDer };
}
