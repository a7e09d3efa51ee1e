/**
 * Fresh key material from the operating system's CSPRNG. RSA and EC keys are generated with the
 * asynchronous `crypto.generateKeyPair`, which runs on libuv's thread pool so the event loop
 * (and with it the UI and IPC) never stalls, even for RSA-4096.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { KeyferryError } from '../errors';
import { createKeyMaterial, type KeyMaterial } from './key-material';
import { KEY_SPEC_INFO, symmetricMaterialBytes, type KeySpec } from './key-spec';
import { SecretBytes } from './secret-bytes';

const ENCODING = {
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
} as const;

function generateDerKeyPair(spec: KeySpec): Promise<{ publicKey: Buffer; privateKey: Buffer }> {
  const info = KEY_SPEC_INFO[spec];
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, publicKey: Buffer, privateKey: Buffer) => {
      if (error) reject(error);
      else resolve({ publicKey, privateKey });
    };
    if (info.kind === 'rsa') {
      generateKeyPair('rsa', { modulusLength: info.bits ?? 0, publicExponent: 0x10001, ...ENCODING }, done);
    } else if (info.kind === 'ec' && info.namedCurve) {
      generateKeyPair('ec', { namedCurve: info.namedCurve, ...ENCODING }, done);
    } else {
      reject(new Error(`no key pair for ${spec}`));
    }
  });
}

/** Generates new key material for `spec`: random bytes of the spec's size for a symmetric spec, a key pair for RSA/EC. */
export async function generateKeyMaterial(spec: KeySpec): Promise<KeyMaterial> {
  if (KEY_SPEC_INFO[spec].kind === 'symmetric') {
    return createKeyMaterial(spec, SecretBytes.from(randomBytes(symmetricMaterialBytes(spec))));
  }
  try {
    const { publicKey, privateKey } = await generateDerKeyPair(spec);
    return createKeyMaterial(spec, SecretBytes.from(privateKey), publicKey);
  } catch (error) {
    // The library's own sentence stays in the cause (logs); the officer sees its code, if any.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const errorCode = typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,79}$/.test(code) ? code : 'none';
    throw new KeyferryError('KEYGEN_FAILED', { spec, errorCode }, { cause: error });
  }
}
