/**
 * Producing key material on the air-gapped side: fresh from the CSPRNG, or loaded from an
 * existing file. The material goes straight into the MaterialVault; callers get only evidence
 * (public-key fingerprint, key check value), which is also journaled.
 */
import path from 'node:path';
import { materialOwners, requireBoundMaterial, type ImportParameters, type MaterialEvidence } from '../../bundle';
import { derFingerprint, keyCheckValue } from '../../crypto/evidence';
import { generateKeyMaterial } from '../../crypto/generate-key-material';
import type { KeyMaterial } from '../../crypto/key-material';
import type { KeySpec } from '../../crypto/key-spec';
import { loadKeyMaterialInBackground } from '../../crypto/load-key-material';
import { KeyferryError } from '../../errors';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../fs/input-file';
import type { Journal } from '../../journal';
import type { MaterialVault } from './material-vault';
import { forEachConcurrently } from '../../concurrency';
import { refuseReplicaMaterial } from './replica-groups';
import { reportProgress, type ProgressListener, progressLine } from '../shared/progress';
import { listValue } from '../../../i18n/list';

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

/**
 * Key pairs generated at once: RSA and EC generation runs on libuv's thread pool (4 threads by
 * default), so several keys take about the time of the slowest on a machine with cores to spare.
 */
const GENERATION_CONCURRENCY = 4;

/** What material shows of itself, computed from the material: public-key SHA-256 (RSA/EC) or KCV (AES). */
export function materialEvidence(material: KeyMaterial): MaterialEvidence {
  return {
    publicKeyFingerprint: material.publicKeySpkiDer ? derFingerprint(material.publicKeySpkiDer) : null,
    keyCheckValue: material.publicKeySpkiDer ? null : keyCheckValue(material.spec, material.secret),
  };
}

function summarize(keyId: string, material: KeyMaterial, source: MaterialSummary['source']): MaterialSummary {
  return { keyId, spec: material.spec, source, ...materialEvidence(material) };
}

export class AirGapMaterialStep {
  constructor(
    private readonly vault: MaterialVault,
    private readonly journal: Journal,
    private readonly operator: string,
    private readonly onProgress: ProgressListener | undefined,
  ) {}

  /**
   * Generates material for every key without any yet, reporting progress key by key; journals one
   * `material.generated` per key, appended together (one fsync) once every key has its material, or,
   * on a failure part way, for the keys generated before it.
   */
  async generate(parameters: readonly ImportParameters[]): Promise<MaterialSummary[]> {
    // One material per replica group: generated for its primary, wrapped later for every member.
    const todo = materialOwners(parameters).filter((p) => !this.vault.has(p.keyId));
    const produced: (MaterialSummary | undefined)[] = [];
    let done = 0;
    const journalGenerated = () =>
      this.journal.appendMany(
        produced
          .filter((summary) => summary !== undefined)
          .map((summary) => ({ actor: this.operator, event: 'material.generated', data: { ...summary } })),
      );
    try {
      await forEachConcurrently(todo, GENERATION_CONCURRENCY, async (p, i) => {
        reportProgress(this.onProgress, {
          step: 'generate-material',
          done,
          total: todo.length,
          keyId: p.keyId,
          ...progressLine('generate-key', { spec: p.keySpec, n: i + 1, total: todo.length }),
        });
        const material = await generateKeyMaterial(p.keySpec);
        // Into the vault at once: a stop meanwhile wipes it (the vault refuses and wipes once closed).
        this.vault.put(p.keyId, material);
        produced[i] = summarize(p.keyId, material, 'generated');
        done += 1;
      });
    } catch (error) {
      await journalGenerated().catch(() => undefined);
      throw error;
    }
    await journalGenerated();
    reportProgress(this.onProgress, {
      step: 'generate-material',
      done: todo.length,
      total: todo.length,
      ...progressLine('generated', { count: todo.length }),
    });
    return produced as MaterialSummary[];
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
      throw new KeyferryError('KEY_NOT_IN_CEREMONY', { keyId, keyIdsList: listValue(parameters.map((k) => k.keyId)) });
    }
    refuseReplicaMaterial(p);
    const bytes = await readInputFile(file, 'material', SMALL_INPUT_FILE_BYTES);
    let material: KeyMaterial;
    try {
      // The private key's sign/verify self-test on the thread pool: an RSA-4096 key held the event loop for about 7 ms.
      material = await loadKeyMaterialInBackground(p.keySpec, bytes, passphrase);
    } finally {
      bytes.fill(0);
    }
    const summary = summarize(keyId, material, 'file');
    try {
      // A key the KMS bound to material takes only that material: other material never reaches the vault.
      requireBoundMaterial(p, parameters, summary);
    } catch (error) {
      material.dispose();
      throw error;
    }
    this.vault.put(keyId, material);
    await this.journal.append(this.operator, 'material.loaded', { ...summary, fileName: path.basename(file) });
    return summary;
  }
}
