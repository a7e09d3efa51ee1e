/**
 * The capability check, run before anything is generated: for the bundle's wrapping algorithm and
 * every key spec, can this token do the job? It reads the mechanism list, then proves each wrap
 * with throwaway session keys whose values Keyferry knows, checking the HSM's output in software
 * (OAEP with the right hash; AES key wrap framed exactly as RFC 5649; the key check value).
 * Nothing secret is involved: every trial key is random, known only to this check, and destroyed.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  privateDecrypt,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { KEY_SPEC_INFO, type KeySpec, type WrappingAlgorithm } from '../crypto/key-spec';
import { loadWrappingPublicKey } from '../crypto/wrapping-key';
import { KeyferryError, type ProblemDetails } from '../errors';
import { CKA, CKK, CKO, type TemplateEntry } from './attributes';
import { ckrName, hsmCall } from './hsm-error';
import type { HsmSession } from './hsm-session';
import type { HsmTokenIdentity } from './hsm-token';
import {
  hsmKeyCheckValue,
  importWrappingKey,
  oaepWrap,
  type KcvMethod,
  type PrivateKeyWrapMechanism,
} from './hsm-wrap';
import { MECHANISM, mechanismLabel } from './mechanisms';
import { handleSchema } from './pkcs11-answers';
import { trialPrivateKeyWrapTooShort } from './hsm-wrap';

/** How the token's AES key wrap with padding frames its output. */
type PadFraming = 'exact' | 'zero-filled' | 'missing';

interface SpecCapability {
  readonly spec: KeySpec;
  readonly ok: boolean;
  /** Why this spec cannot be done on this token (null when it can). */
  readonly problem: ProblemDetails | null;
  /** Mechanisms this spec will use, e.g. "CKM_RSA_PKCS_OAEP (0x0009)". */
  readonly mechanisms: readonly string[];
}

export interface HsmCapabilityReport {
  readonly token: HsmTokenIdentity;
  readonly algorithm: WrappingAlgorithm;
  /** The OAEP trial: ok when the HSM's wrap decrypted (in software) to the trial key. */
  readonly oaep: { readonly ok: boolean; readonly failure: string | null };
  /** The private-key wrap chosen, how it frames, and what the 20-byte trial key came back as. */
  readonly privateKeyWrap: {
    readonly mechanism: PrivateKeyWrapMechanism | null;
    readonly framing: PadFraming;
    readonly trialBytesReturned: number | null;
  };
  readonly kcvMethod: KcvMethod | null;
  readonly specs: readonly SpecCapability[];
  readonly ok: boolean;
}

interface CapabilityRequest {
  readonly algorithm: WrappingAlgorithm;
  readonly specs: readonly KeySpec[];
  /** Material already in the HSM (chosen by label): no key generation needed. */
  readonly existingKeys?: boolean;
  /** Rehearsal only: accept a PAD that zero-fills (journaled as a deviation by the caller). */
  readonly acceptZeroFilledPad?: boolean;
}

const TRIAL_SECRET_BYTES = 20;

/** A session object (gone with the session) holding the known secret `value` as a key of `keyType`, with `extra` attributes. */
function createTrialSecret(
  session: HsmSession,
  keyType: (typeof CKK)['AES' | 'GENERIC_SECRET'],
  value: Buffer,
  extra: readonly TemplateEntry[],
): Buffer {
  const template: TemplateEntry[] = [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: keyType },
    { type: CKA.TOKEN, value: false },
    { type: CKA.VALUE, value },
    ...extra,
  ];
  return session.trackTemporary(
    handleSchema.parse(hsmCall('trial', () => session.p11.C_CreateObject(session.handle, template))),
  );
}

/** Wraps a known AES key with OAEP for `algorithm`; null when the software key decrypts it back, else why not. */
function trialOaep(session: HsmSession, algorithm: WrappingAlgorithm): string | null {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wrappingKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
  const value = randomBytes(32);
  const trialKey = createTrialSecret(session, CKK.AES, value, [
    { type: CKA.EXTRACTABLE, value: true },
    { type: CKA.SENSITIVE, value: false },
  ]);
  const wrappingHandle = importWrappingKey(session, wrappingKey);
  try {
    const wrapped = oaepWrap(session, wrappingKey, wrappingHandle, trialKey, algorithm);
    const plain = privateDecrypt(
      {
        key: pair.privateKey,
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: algorithm === 'RSAES_OAEP_SHA_256' ? 'sha256' : 'sha1',
      },
      wrapped,
    );
    return plain.length === 32 && timingSafeEqual(plain, value) ? null : 'decrypted to other bytes';
  } catch (error) {
    return ckrName(error) ?? (error instanceof Error ? error.message.slice(0, 200) : String(error));
  } finally {
    session.destroy(wrappingHandle);
    session.destroy(trialKey);
  }
}

/** Wraps a 20-byte trial secret (not a multiple of 8) under a known AES-256 key and checks the RFC 5649 framing. */
function trialPad(
  session: HsmSession,
  mechanism: PrivateKeyWrapMechanism,
): { framing: PadFraming; returned: number | null } {
  const kek = randomBytes(32);
  const secret = randomBytes(TRIAL_SECRET_BYTES);
  const handles: Buffer[] = [];
  try {
    const kekHandle = createTrialSecret(session, CKK.AES, kek, [{ type: CKA.WRAP, value: true }]);
    handles.push(kekHandle);
    const secretHandle = createTrialSecret(session, CKK.GENERIC_SECRET, secret, [
      { type: CKA.EXTRACTABLE, value: true },
      { type: CKA.SENSITIVE, value: false },
    ]);
    handles.push(secretHandle);
    const wrapped = hsmCall('trial', () =>
      session.p11.C_WrapKey(session.handle, { mechanism }, kekHandle, secretHandle, Buffer.alloc(1024)),
    );
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('id-aes256-wrap-pad', kek, Buffer.from('A65959A6', 'hex'));
      plain = Buffer.concat([decipher.update(wrapped), decipher.final()]);
    } catch {
      return { framing: 'missing', returned: null };
    }
    if (plain.equals(secret)) return { framing: 'exact', returned: plain.length };
    const filled =
      plain.length > secret.length &&
      plain.subarray(0, secret.length).equals(secret) &&
      plain.subarray(secret.length).every((b) => b === 0);
    return { framing: filled ? 'zero-filled' : 'missing', returned: plain.length };
  } catch {
    return { framing: 'missing', returned: null };
  } finally {
    for (const h of handles) session.destroy(h);
  }
}

/** How this token gives an AES key check value, proven on a known key; null when it cannot. */
function trialKcv(session: HsmSession): KcvMethod | null {
  const value = randomBytes(32);
  const cipher = createCipheriv('aes-256-ecb', value, null);
  cipher.setAutoPadding(false);
  const expected = cipher.update(Buffer.alloc(16)).subarray(0, 3).toString('hex').toUpperCase();
  const key = createTrialSecret(session, CKK.AES, value, [{ type: CKA.ENCRYPT, value: true }]);
  try {
    for (const method of ['check-value', 'ecb'] as const) {
      try {
        if (hsmKeyCheckValue(session, key, method) === expected) return method;
      } catch {
        // this token does not give a check value this way; try the next
      }
    }
    return null;
  } finally {
    session.destroy(key);
  }
}

const OTHER: Readonly<Record<WrappingAlgorithm, { algorithm: WrappingAlgorithm; hash: string }>> = {
  RSAES_OAEP_SHA_256: { algorithm: 'RSAES_OAEP_SHA_1', hash: 'SHA-1' },
  RSAES_OAEP_SHA_1: { algorithm: 'RSAES_OAEP_SHA_256', hash: 'SHA-256' },
};

/** Runs the capability check on an open session (about a second on a soft token, most of it the trial RSA key). */
export function checkHsmCapability(session: HsmSession, request: CapabilityRequest): HsmCapabilityReport {
  const { algorithm } = request;
  const list = new Set(session.module.mechanisms(session.tokenSlot.slot));
  const has = (m: number): boolean => list.has(m);
  const token = session.identity.label;

  const oaepFailure = has(MECHANISM.CKM_RSA_PKCS_OAEP) ? trialOaep(session, algorithm) : 'not in the mechanism list';
  let oaepProblem: ProblemDetails | null = null;
  if (oaepFailure !== null) {
    const other = OTHER[algorithm];
    const otherWorks = has(MECHANISM.CKM_RSA_PKCS_OAEP) && trialOaep(session, other.algorithm) === null;
    oaepProblem = otherWorks
      ? new KeyferryError('HSM_OAEP_HASH_UNSUPPORTED', {
          token,
          algorithm,
          ckr: oaepFailure,
          worksWith: other.hash,
          worksWithAlgorithm: other.algorithm,
        }).toProblem()
      : new KeyferryError('HSM_OAEP_UNSUPPORTED', { token, algorithm, detail: oaepFailure }).toProblem();
  }

  let privateKeyWrap: HsmCapabilityReport['privateKeyWrap'] = {
    mechanism: null,
    framing: 'missing',
    trialBytesReturned: null,
  };
  if (request.specs.some((s) => KEY_SPEC_INFO[s].kind !== 'symmetric')) {
    const candidates: PrivateKeyWrapMechanism[] = [MECHANISM.CKM_AES_KEY_WRAP_KWP, MECHANISM.CKM_AES_KEY_WRAP_PAD];
    for (const mechanism of candidates.filter(has)) {
      const trial = trialPad(session, mechanism);
      if (trial.framing === 'exact') {
        privateKeyWrap = { mechanism, framing: 'exact', trialBytesReturned: trial.returned };
        break;
      }
      if (trial.framing === 'zero-filled' && privateKeyWrap.mechanism === null) {
        privateKeyWrap = { mechanism, framing: 'zero-filled', trialBytesReturned: trial.returned };
      }
    }
  }

  const kcvMethod = request.specs.includes('AES_256') ? trialKcv(session) : null;

  const specs = request.specs.map((spec): SpecCapability => {
    const info = KEY_SPEC_INFO[spec];
    const mechanisms: string[] = [];
    const fail = (error: KeyferryError): SpecCapability => ({
      spec,
      ok: false,
      problem: error.toProblem(),
      mechanisms,
    });
    if (oaepProblem) return { spec, ok: false, problem: oaepProblem, mechanisms };
    const generator =
      info.kind === 'symmetric'
        ? MECHANISM.CKM_AES_KEY_GEN
        : info.kind === 'rsa'
          ? MECHANISM.CKM_RSA_PKCS_KEY_PAIR_GEN
          : MECHANISM.CKM_EC_KEY_PAIR_GEN;
    if (!request.existingKeys) {
      if (!has(generator)) {
        return fail(new KeyferryError('HSM_GENERATOR_MISSING', { token, spec, mechanism: mechanismLabel(generator) }));
      }
      const bits = info.kind === 'ec' ? (info.namedCurve === 'prime256v1' ? 256 : 384) : info.bits!;
      const range = session.module.mechanismInfo(session.tokenSlot.slot, generator);
      const inBytes = info.kind === 'symmetric';
      const size = inBytes ? bits / 8 : bits;
      if (range.maxKeySize !== 0 && (size < range.minKeySize || size > range.maxKeySize)) {
        return fail(
          new KeyferryError('HSM_KEY_SIZE_UNSUPPORTED', {
            token,
            spec,
            bits,
            min: inBytes ? range.minKeySize * 8 : range.minKeySize,
            max: inBytes ? range.maxKeySize * 8 : range.maxKeySize,
            mechanism: mechanismLabel(generator),
          }),
        );
      }
      mechanisms.push(mechanismLabel(generator));
    }
    if (info.kind === 'symmetric') {
      mechanisms.push(mechanismLabel(MECHANISM.CKM_RSA_PKCS_OAEP));
      if (kcvMethod === null) return fail(new KeyferryError('HSM_KCV_UNAVAILABLE', { token }));
      mechanisms.push(kcvMethod === 'ecb' ? mechanismLabel(MECHANISM.CKM_AES_ECB) : 'CKA_CHECK_VALUE');
      return { spec, ok: true, problem: null, mechanisms };
    }
    if (!has(MECHANISM.CKM_AES_KEY_GEN)) {
      return fail(
        new KeyferryError('HSM_GENERATOR_MISSING', {
          token,
          spec,
          mechanism: mechanismLabel(MECHANISM.CKM_AES_KEY_GEN),
        }),
      );
    }
    if (privateKeyWrap.mechanism === null) {
      const listed = [MECHANISM.CKM_AES_KEY_WRAP_KWP, MECHANISM.CKM_AES_KEY_WRAP_PAD].filter(has).length;
      return fail(new KeyferryError('HSM_AES_WRAP_MISSING', { token, spec, listed }));
    }
    if (privateKeyWrap.framing === 'zero-filled' && !request.acceptZeroFilledPad) {
      return fail(
        new KeyferryError('HSM_WRAP_PAD_NOT_EXACT', {
          token,
          mechanism: mechanismLabel(privateKeyWrap.mechanism),
          sent: TRIAL_SECRET_BYTES,
          returned: privateKeyWrap.trialBytesReturned ?? 0,
        }),
      );
    }
    // EC: a PKCS#8 without its optional public key wraps shorter than the KMS takes. Tried on a
    // session key pair now, so no token object is generated for a wrap that would be refused.
    // (An RSA private key's PKCS#8 is always far longer; trying it would cost a key generation.)
    if (info.kind === 'ec' && !request.existingKeys) {
      const chars = trialPrivateKeyWrapTooShort(session, spec, privateKeyWrap.mechanism);
      if (chars !== null)
        return fail(new KeyferryError('HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS', { token, spec, chars }));
    }
    mechanisms.push(
      mechanismLabel(MECHANISM.CKM_AES_KEY_GEN),
      mechanismLabel(privateKeyWrap.mechanism),
      mechanismLabel(MECHANISM.CKM_RSA_PKCS_OAEP),
    );
    return { spec, ok: true, problem: null, mechanisms };
  });

  return {
    token: session.identity,
    algorithm,
    oaep: { ok: oaepFailure === null, failure: oaepFailure },
    privateKeyWrap,
    kcvMethod,
    specs,
    ok: specs.every((s) => s.ok),
  };
}

/** Throws the first refusal of `report` as the KeyferryError it was built from. */
export function requireCapability(report: HsmCapabilityReport): void {
  const refused = report.specs.find((s) => !s.ok);
  if (refused?.problem) throw problemAsError(refused.problem);
}

function problemAsError(problem: ProblemDetails): KeyferryError {
  const error = new KeyferryError(problem.code, problem.message, problem.nextStep);
  return Object.assign(error, { values: problem.values });
}
