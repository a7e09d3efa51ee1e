/** Starting the simulator and a client for it, on real HTTP over 127.0.0.1. */
import {
  generateKeyMaterial,
  loadWrappingPublicKey,
  wrapKeyMaterial,
  type KeyMaterial,
  type KeySpec,
} from '../../../../src-main/core/crypto/index';
import { KmsClient, type KmsClientOptions } from '../../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../../src-main/core/kms/credentials';
import { signWithAkSk } from '../../../../src-main/core/kms/signer';
import {
  startKmsSimulator,
  type KmsSimulator,
  type KmsSimulatorOptions,
} from '../../../../src-main/core/kms-simulator/index';
import type { ImportParameters } from '../../../../src-main/core/kms/types';

export interface SimSetup {
  readonly sim: KmsSimulator;
  readonly client: KmsClient;
  /** Another client for the same simulator, with options changed. */
  clientWith(options?: Partial<KmsClientOptions>): KmsClient;
  /** Actions the simulator answered, in order, with their HTTP status (0: dropped). */
  readonly requests: { action: string; status: number }[];
  close(): Promise<void>;
}

export async function startSimWithClient(
  simOptions: KmsSimulatorOptions = {},
  clientOptions: Partial<KmsClientOptions> = {},
): Promise<SimSetup> {
  const requests: { action: string; status: number }[] = [];
  const sim = await startKmsSimulator({ ...simOptions, onRequest: (info) => requests.push(info) });
  const clients: KmsClient[] = [];
  const clientWith = (options: Partial<KmsClientOptions> = {}) => {
    const client = new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({
        accessKeyId: sim.ak,
        secretKey: sim.sk,
        ...(sim.securityToken ? { securityToken: sim.securityToken } : {}),
      }),
      now: () => new Date(sim.clock.now()),
      timeoutMs: 10_000,
      retry: { baseDelayMs: 10, maxDelayMs: 50 },
      ...clientOptions,
      ...options,
    });
    clients.push(client);
    return client;
  };
  const client = clientWith();
  return {
    sim,
    client,
    clientWith,
    requests,
    close: async () => {
      for (const c of clients) c.close();
      await sim.close();
    },
  };
}

export interface Wrapped {
  readonly material: KeyMaterial;
  readonly encryptedKeyMaterial: Buffer;
  readonly encryptedPrivateKey?: Buffer;
  readonly publicKeySpkiDer?: Buffer;
}

/** Wraps `material` (or fresh material of `spec`) for `parameters` with the wrapping engine. */
export async function wrapFor(parameters: ImportParameters, spec: KeySpec, material?: KeyMaterial): Promise<Wrapped> {
  const m = material ?? (await generateKeyMaterial(spec));
  const wrapped = wrapKeyMaterial({
    material: m,
    wrappingKey: loadWrappingPublicKey(parameters.publicKeyDer),
    algorithm: 'RSAES_OAEP_SHA_256',
  });
  return {
    material: m,
    encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
    ...(wrapped.encryptedPrivateKey ? { encryptedPrivateKey: wrapped.encryptedPrivateKey } : {}),
    ...(wrapped.publicKeySpkiDer ? { publicKeySpkiDer: wrapped.publicKeySpkiDer } : {}),
  };
}

let aliasCounter = 0;
export const uniqueAlias = (prefix = 'key') => `${prefix}-${process.pid}-${(aliasCounter += 1)}`;

/** Creates an external key of `spec` and fetches its import parameters. */
export async function externalKeyWithParameters(
  client: KmsClient,
  spec: KeySpec,
): Promise<{ keyId: string; parameters: ImportParameters }> {
  const { keyId } = await client.createKey({ alias: uniqueAlias(spec), spec });
  return { keyId, parameters: await client.getParametersForImport({ keyId }) };
}

/** An answer as it came over the wire: status, request id header and JSON body. */
export interface RawAnswer {
  readonly status: number;
  readonly requestId: string | null;
  readonly json: unknown;
}

/** POSTs `body` (exact text) to `action` of `sim`, signed with its AK/SK at its clock's time. */
export async function signedPost(
  sim: KmsSimulator,
  action: string,
  body: string,
  options: { readonly method?: string; readonly projectId?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(`${sim.endpoint}/v1.0/${options.projectId ?? sim.projectId}/kms/${action}`);
  const method = options.method ?? 'POST';
  const headers = signWithAkSk(
    { method, url, headers: { 'content-type': 'application/json' }, body },
    new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    new Date(sim.clock.now()),
  );
  const response = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    json: text ? JSON.parse(text) : null,
  };
}
