/**
 * The capability check, run before anything is generated: for the bundle's wrapping algorithm and
 * every key spec, can this token do the job? It reads the mechanism list, then proves each wrap
 * with throwaway session keys whose values Keyferry knows, checking the HSM's output in software
 * (OAEP with the right hash; AES key wrap framed exactly as RFC 5649; the key check value).
 * Nothing secret is involved: every trial key is random, public to Keyferry, and destroyed.
 */
import {
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  privateDecrypt,
  constants,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { KEY_SPEC_INFO, type KeySpec, type WrappingAlgorithm } from '../crypto/key-spec';
import { loadWrappingPublicKey } from '../crypto/wrapping-key';
import { KeyferryError, type ProblemDetails } from '../errors';
import { CKA, CKK, CKO } from './attributes';
import { ckrName, hsmCall } from './hsm-error';
import type { HsmSession } from './hsm-session';
import type { HsmTokenIdentity } from './hsm-token';
import { MECHANISM, mechanismLabel } from './mechanisms';
import { handleSchema } from './pkcs11-answers';
import {
  hsmKeyCheckValue,
  importWrappingKey,
  oaepWrap,
  type KcvMethod,
  type PrivateKeyWrapMechanism,
} from './hsm-wrap';

/** How the token's AES key wrap with padding frames its output. */
export type PadFraming = 'exact' | 'zero-filled' | 'missing';

export interface SpecCapability {
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
  /** The OAEP trial wrap with this algorithm's hash gave a ciphertext the software key decrypts. */
  readonly oaep: { readonly ok: boolean; readonly detail: string };
  readonly privateKeyWrap: {
    readonly mechanism: PrivateKeyWrapMechanism | null;
    readonly framing: PadFraming;
    readonly detail: string;
  };
  readonly kcvMethod: KcvMethod | null;
  readonly specs: readonly SpecCapability[];
  readonly ok: boolean;
}

export interface CapabilityRequest {
  readonly algorithm: WrappingAlgorithm;
  readonly specs: readonly KeySpec[];
  /** Material already in the HSM (chosen by label): no key generation needed. */
  readonly existingKeys?: boolean;
  /** Rehearsal only: accept a PAD that zero-fills (journaled as a deviation by the caller). */
  readonly acceptZeroFilledPad?: boolean;
}

const RSA_OAEP_TRIAL_BITS = 2048;

function createTrialObject(
  session: HsmSession,
  template: { type: number; value: number | boolean | string | Buffer }[],
): Buffer {
  return session.trackTemporary(
    handleSchema.parse(hsmCall('creating a trial key', () => session.p11.C_CreateObject(session.handle, template))),
  );
}

function trialOaep(session: HsmSession, algorithm: WrappingAlgorithm): { ok: boolean; detail: string } {
  const pair = generateKeyPairSync('rsa', { modulusLength: RSA_OAEP_TRIAL_BITS });
  const wrappingKey = loadWrappingPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
  const value = randomBytes(32);
  const trialKey = createTrialObject(session, [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: CKK.AES },
    { type: CKA.TOKEN, value: false },
    { type: CKA.VALUE, value },
    { type: CKA.EXTRACTABLE, value: true },
    { type: CKA.SENSITIVE, value: false },
  ]);
  const wrappingHandle = importWrappingKey(session, wrappingKey);
  try {
    const wrapped = oaepWrap(session, wrappingKey, wrappingHandle, trialKey, algorithm);
    const plain = decryptOaep(pair.privateKey, algorithm, wrapped);
    if (plain.length === 32 && timingSafeEqual(plain, value)) {
      return { ok: true, detail: `trial wrap with ${algorithm} decrypted to the trial key` };
    }
    return { ok: false, detail: `the trial wrap with ${algorithm} did not decrypt to the trial key` };
  } catch (error) {
    const ckr = ckrName(error instanceof KeyferryError ? error.cause : error);
    return {
      ok: false,
      detail: `the trial wrap with ${algorithm} failed (${ckr ?? (error instanceof Error ? error.message : String(error))})`,
    };
  } finally {
    session.destroy(wrappingHandle);
    session.destroy(trialKey);
  }
}

function decryptOaep(privateKey: KeyObject, algorithm: WrappingAlgorithm, wrapped: Buffer): Buffer {
  return privateDecrypt(
    {
      key: privateKey,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: algorithm === 'RSAES_OAEP_SHA_256' ? 'sha256' : 'sha1',
    },
    wrapped,
  );
}

/** Wraps a 20-byte trial secret (not a multiple of 8) under a known AES-256 key and checks the RFC 5649 framing. */
function trialPad(session: HsmSession, mechanism: PrivateKeyWrapMechanism): { framing: PadFraming; detail: string } {
  const kek = randomBytes(32);
  const secret = randomBytes(20);
  const name = mechanismLabel(mechanism);
  let kekHandle: Buffer | null = null;
  let secretHandle: Buffer | null = null;
  try {
    kekHandle = createTrialObject(session, [
      { type: CKA.CLASS, value: CKO.SECRET_KEY },
      { type: CKA.KEY_TYPE, value: CKK.AES },
      { type: CKA.TOKEN, value: false },
      { type: CKA.VALUE, value: kek },
      { type: CKA.WRAP, value: true },
    ]);
    secretHandle = createTrialObject(session, [
      { type: CKA.CLASS, value: CKO.SECRET_KEY },
      { type: CKA.KEY_TYPE, value: CKK.GENERIC_SECRET },
      { type: CKA.TOKEN, value: false },
      { type: CKA.VALUE, value: secret },
      { type: CKA.EXTRACTABLE, value: true },
      { type: CKA.SENSITIVE, value: false },
    ]);
    const out = Buffer.alloc(1024);
    const k = kekHandle;
    const s = secretHandle;
    const wrapped = hsmCall(`trial wrap with ${name}`, () =>
      session.p11.C_WrapKey(session.handle, { mechanism }, k, s, out),
    );
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('id-aes256-wrap-pad', kek, Buffer.from('A65959A6', 'hex'));
      plain = Buffer.concat([decipher.update(wrapped), decipher.final()]);
    } catch {
      return {
        framing: 'missing',
        detail: `${name} output is not RFC 5649 at all (OpenSSL's id-aes256-wrap-pad cannot unwrap it)`,
      };
    }
    if (plain.length === secret.length && plain.equals(secret)) {
      return {
        framing: 'exact',
        detail: `${name} trial wrap of a 20-byte key unwrapped by RFC 5649 to exactly those 20 bytes`,
      };
    }
    if (
      plain.length > secret.length &&
      plain.subarray(0, secret.length).equals(secret) &&
      plain.subarray(secret.length).every((b) => b === 0)
    ) {
      return {
        framing: 'zero-filled',
        detail: `${name} zero-fills to a multiple of 8 and records the filled length: a 20-byte trial key came back as ${plain.length} bytes`,
      };
    }
    return { framing: 'missing', detail: `${name} trial wrap unwrapped to different bytes` };
  } catch (error) {
    return {
      framing: 'missing',
      detail: `${name} trial wrap failed (${ckrName(error instanceof KeyferryError ? error.cause : error) ?? String(error)})`,
    };
  } finally {
    if (secretHandle) session.destroy(secretHandle);
    if (kekHandle) session.destroy(kekHandle);
  }
}

function trialKcv(session: HsmSession): KcvMethod | null {
  const value = randomBytes(32);
  const cipher = createCipheriv('aes-256-ecb', value, null);
  cipher.setAutoPadding(false);
  const expected = cipher.update(Buffer.alloc(16)).subarray(0, 3).toString('hex').toUpperCase();
  const key = createTrialObject(session, [
    { type: CKA.CLASS, value: CKO.SECRET_KEY },
    { type: CKA.KEY_TYPE, value: CKK.AES },
    { type: CKA.TOKEN, value: false },
    { type: CKA.VALUE, value },
    { type: CKA.ENCRYPT, value: true },
  ]);
  try {
    for (const method of ['check-value', 'ecb'] as const) {
      try {
        if (hsmKeyCheckValue(session, key, method) === expected) return method;
      } catch {
        // try the next way
      }
    }
    return null;
  } finally {
    session.destroy(key);
  }
}

function problem(code: string, message: string, nextStep: string): ProblemDetails {
  return { code, message, nextStep };
}

/** Runs the capability check on an open session. Takes well under a second on a soft token. */
export function checkHsmCapability(session: HsmSession, request: CapabilityRequest): HsmCapabilityReport {
  const { algorithm } = request;
  const list = new Set(session.module.mechanisms(session.tokenSlot.slot));
  const has = (m: number): boolean => list.has(m);
  const tokenName = `Token "${session.identity.label}" (${session.identity.manufacturer} ${session.identity.model}, serial ${session.identity.serial})`;

  const oaep = has(MECHANISM.CKM_RSA_PKCS_OAEP)
    ? trialOaep(session, algorithm)
    : { ok: false, detail: `${mechanismLabel(MECHANISM.CKM_RSA_PKCS_OAEP)} is not in the mechanism list` };
  let oaepProblem: ProblemDetails | null = null;
  if (!oaep.ok) {
    const other: WrappingAlgorithm = algorithm === 'RSAES_OAEP_SHA_256' ? 'RSAES_OAEP_SHA_1' : 'RSAES_OAEP_SHA_256';
    const otherWorks = has(MECHANISM.CKM_RSA_PKCS_OAEP) && trialOaep(session, other).ok;
    oaepProblem = problem(
      'HSM_MECHANISM_MISSING',
      `${tokenName} cannot wrap with CKM_RSA_PKCS_OAEP for ${algorithm}: ${oaep.detail}.${otherWorks ? ` It does OAEP only with ${other === 'RSAES_OAEP_SHA_1' ? 'SHA-1' : 'SHA-256'}.` : ''}`,
      otherWorks
        ? `Fetch the import parameters again with --wrapping-algorithm ${other} (if the KMS region offers it), or use a token that does OAEP with ${algorithm === 'RSAES_OAEP_SHA_256' ? 'SHA-256' : 'SHA-1'}.`
        : 'Use a token that supports CKM_RSA_PKCS_OAEP with this hash, or generate the material in software.',
    );
  }

  const asymmetric = request.specs.some((s) => KEY_SPEC_INFO[s].kind !== 'symmetric');
  let privateKeyWrap: HsmCapabilityReport['privateKeyWrap'] = {
    mechanism: null,
    framing: 'missing',
    detail: 'not needed',
  };
  if (asymmetric) {
    const candidates: PrivateKeyWrapMechanism[] = [MECHANISM.CKM_AES_KEY_WRAP_KWP, MECHANISM.CKM_AES_KEY_WRAP_PAD];
    const details: string[] = [];
    for (const mechanism of candidates) {
      if (!has(mechanism)) {
        details.push(`${mechanismLabel(mechanism)} is not in the mechanism list`);
        continue;
      }
      const trial = trialPad(session, mechanism);
      details.push(trial.detail);
      if (trial.framing === 'exact' || (trial.framing === 'zero-filled' && privateKeyWrap.framing !== 'zero-filled')) {
        privateKeyWrap = { mechanism, framing: trial.framing, detail: trial.detail };
        if (trial.framing === 'exact') break;
      }
    }
    if (privateKeyWrap.mechanism === null)
      privateKeyWrap = { mechanism: null, framing: 'missing', detail: details.join('; ') };
  }

  const needsKcv = request.specs.includes('AES_256');
  const kcvMethod = needsKcv ? trialKcv(session) : null;

  const specs = request.specs.map((spec): SpecCapability => {
    const info = KEY_SPEC_INFO[spec];
    const mechanisms: string[] = [mechanismLabel(MECHANISM.CKM_RSA_PKCS_OAEP)];
    const fail = (p: ProblemDetails): SpecCapability => ({ spec, ok: false, problem: p, mechanisms });
    if (oaepProblem) return fail(oaepProblem);
    if (info.kind === 'symmetric') {
      if (!request.existingKeys) {
        if (!has(MECHANISM.CKM_AES_KEY_GEN)) {
          return fail(
            problem(
              'HSM_MECHANISM_MISSING',
              `${tokenName} cannot generate AES keys (no CKM_AES_KEY_GEN).`,
              'Use a token that generates AES-256 keys, or generate the material in software.',
            ),
          );
        }
        mechanisms.unshift(mechanismLabel(MECHANISM.CKM_AES_KEY_GEN));
      }
      if (kcvMethod === null) {
        return fail(
          problem(
            'HSM_MECHANISM_MISSING',
            `${tokenName} can compute no AES key check value (neither CKA_CHECK_VALUE nor CKM_AES_ECB).`,
            'Use a token with CKM_AES_ECB, or generate the material in software.',
          ),
        );
      }
      if (kcvMethod === 'ecb') mechanisms.push(mechanismLabel(MECHANISM.CKM_AES_ECB));
      return { spec, ok: true, problem: null, mechanisms };
    }
    const generator = info.kind === 'rsa' ? MECHANISM.CKM_RSA_PKCS_KEY_PAIR_GEN : MECHANISM.CKM_EC_KEY_PAIR_GEN;
    if (!request.existingKeys) {
      if (!has(generator)) {
        return fail(
          problem(
            'HSM_MECHANISM_MISSING',
            `${tokenName} cannot generate ${info.kind === 'rsa' ? 'RSA' : 'EC'} key pairs (no ${mechanismLabel(generator)}), needed for ${spec}.`,
            `Use a token that generates ${spec} key pairs, or generate this key in software.`,
          ),
        );
      }
      const range = session.module.mechanismInfo(session.tokenSlot.slot, generator);
      const bits = info.kind === 'rsa' ? info.bits! : info.namedCurve === 'prime256v1' ? 256 : 384;
      if (range.maxKeySize !== 0 && (bits < range.minKeySize || bits > range.maxKeySize)) {
        return fail(
          problem(
            'HSM_MECHANISM_MISSING',
            `${tokenName} generates ${info.kind === 'rsa' ? 'RSA' : 'EC'} keys of ${range.minKeySize}-${range.maxKeySize} bits only; ${spec} needs ${bits}.`,
            `Use a token that generates ${spec} key pairs, or generate this key in software.`,
          ),
        );
      }
      mechanisms.unshift(mechanismLabel(generator));
    }
    if (!has(MECHANISM.CKM_AES_KEY_GEN)) {
      return fail(
        problem(
          'HSM_MECHANISM_MISSING',
          `${tokenName} cannot generate the temporary AES-256 key (no CKM_AES_KEY_GEN) that wraps a private key.`,
          'Use a token with CKM_AES_KEY_GEN, or generate this key in software.',
        ),
      );
    }
    if (privateKeyWrap.mechanism === null) {
      return fail(
        problem(
          'HSM_MECHANISM_MISSING',
          `${tokenName} has no AES key wrap with padding for ${spec}: ${privateKeyWrap.detail}.`,
          'Use a token with CKM_AES_KEY_WRAP_KWP (0x210B), or generate this key in software (the KMS needs the private key wrapped per RFC 5649).',
        ),
      );
    }
    if (privateKeyWrap.framing === 'zero-filled' && !request.acceptZeroFilledPad) {
      return fail(
        problem(
          'HSM_WRAP_PAD_NOT_EXACT',
          `${tokenName}: ${privateKeyWrap.detail}, not RFC 5649-exact. A private key whose PKCS#8 length is not a multiple of 8 would reach the KMS with up to 7 extra zero bytes, which the KMS may refuse.`,
          'Use a token with CKM_AES_KEY_WRAP_KWP (0x210B) or an exact CKM_AES_KEY_WRAP_PAD, or generate this key in software. For a rehearsal only, --hsm-accept-zero-filled-pad accepts it (journaled as a deviation).',
        ),
      );
    }
    mechanisms.push(mechanismLabel(MECHANISM.CKM_AES_KEY_GEN), mechanismLabel(privateKeyWrap.mechanism));
    return { spec, ok: true, problem: null, mechanisms };
  });

  return { token: session.identity, algorithm, oaep, privateKeyWrap, kcvMethod, specs, ok: specs.every((s) => s.ok) };
}

/** Throws the first refusal of `report` (with its own code, message and next step). */
export function requireCapability(report: HsmCapabilityReport): void {
  const refused = report.specs.find((s) => !s.ok);
  if (refused?.problem)
    throw new KeyferryError(refused.problem.code, refused.problem.message, refused.problem.nextStep);
}
