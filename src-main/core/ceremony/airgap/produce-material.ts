/**
 * Producing key material on the air-gapped side: fresh from the CSPRNG, or loaded from an
 * existing file. The material goes straight into the MaterialVault; callers get only evidence
 * (public-key fingerprint, key check value), which is also journaled.
 */
import path from 'node:path';
import type { ImportParameters } from '../../bundle';
import { derFingerprint, keyCheckValue } from '../../crypto/evidence';
import { generateKeyMaterial } from '../../crypto/generate-key-material';
import type { KeyMaterial } from '../../crypto/key-material';
import type { KeySpec } from '../../crypto/key-spec';
import { loadKeyMaterial } from '../../crypto/load-key-material';
import { KeyferryError } from '../../errors';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../fs/input-file';
import type { Journal } from '../../journal';
import type { MaterialVault } from './material-vault';
import { reportProgress, type ProgressListener, progressLine } from '../shared/progress';

/** What people see about produced material: never the material itself. */
export interface MaterialSummary {
  readonly keyId: string;
  readonly spec: KeySpec;
  readonly source: 'generated' | 'file' | 'hsm';
  /** Asymmetric: SHA-256 of the public key's SPKI DER (lower-case hex). */
  readonly publicKeyFingerprint: string | null;
  /** AES: key check value (6 upper-case hex). */
  readonly keyCheckValue: string | null;
}

function summarize(keyId: string, material: KeyMaterial, source: MaterialSummary['source']): MaterialSummary {
  return {
    keyId,
    spec: material.spec,
    source,
    publicKeyFingerprint: material.publicKeySpkiDer ? derFingerprint(material.publicKeySpkiDer) : null,
    keyCheckValue: material.publicKeySpkiDer ? null : keyCheckValue(material.spec, material.secret),
  };
}

export class AirGapMaterialStep {
  constructor(
    private readonly vault: MaterialVault,
    private readonly journal: Journal,
    private readonly operator: string,
    private readonly onProgress: ProgressListener | undefined,
  ) {}

  /** Generates material for every key without any yet, reporting progress key by key. */
  async generate(parameters: readonly ImportParameters[]): Promise<MaterialSummary[]> {
    const todo = parameters.filter((p) => !this.vault.has(p.keyId));
    const summaries: MaterialSummary[] = [];
    for (const [i, p] of todo.entries()) {
      reportProgress(this.onProgress, {
        step: 'generate-material',
        done: i,
        total: todo.length,
        keyId: p.keyId,
        ...progressLine('generate-key', { spec: p.keySpec, n: i + 1, total: todo.length }),
      });
      const material = await generateKeyMaterial(p.keySpec);
      this.vault.put(p.keyId, material);
      const summary = summarize(p.keyId, material, 'generated');
      await this.journal.append(this.operator, 'material.generated', { ...summary });
      summaries.push(summary);
    }
    reportProgress(this.onProgress, {
      step: 'generate-material',
      done: todo.length,
      total: todo.length,
      ...progressLine('generated', { count: todo.length }),
    });
    return summaries;
  }

  /** Loads existing material for `keyId` from `file`; the file's bytes are wiped after reading. */
  async loadFile(
    parameters: readonly ImportParameters[],
    keyId: string,
    file: string,
    passphrase?: string,
  ): Promise<MaterialSummary> {
    const p = parameters.find((k) => k.keyId === keyId);
    if (!p) {
      throw new KeyferryError(
        'KEY_NOT_IN_CEREMONY',
        `Key ${keyId} is not in the import parameters of this ceremony.`,
        `Choose one of: ${parameters.map((k) => k.keyId).join(', ')}.`,
      );
    }
    const bytes = await readInputFile(file, 'material', SMALL_INPUT_FILE_BYTES);
    let material: KeyMaterial;
    try {
      material = loadKeyMaterial(p.keySpec, bytes, passphrase);
    } finally {
      bytes.fill(0);
    }
    this.vault.put(keyId, material);
    const summary = summarize(keyId, material, 'file');
    await this.journal.append(this.operator, 'material.loaded', { ...summary, fileName: path.basename(file) });
    return summary;
  }
}
