/**
 * Test helper: the set-up of the lapse-and-restore tests, written once. A rehearsal against an
 * in-process KMS simulator imports AES_256 material that expires in 10 minutes and splits it into
 * a custody set; `lapse()` then moves the simulator's clock past that expiry, as a real lapse would.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runRehearsal, type RehearsalResult } from '../../src-main/core/ceremony/rehearsal/rehearsal';
import { KmsClient } from '../../src-main/core/kms/client';
import { AkSkCredentials } from '../../src-main/core/kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../src-main/core/kms-simulator/index';

const APP = { version: '0.1.0-test', build: 'test' };

type RehearsalOptions = Parameters<typeof runRehearsal>[0];

/** One line of a journal file as written. */
export interface JournalLine {
  readonly actor: string;
  readonly seq: number;
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Every line of the journal file `file`, in order. */
export async function journalLines(file: string): Promise<JournalLine[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JournalLine);
}

export interface LapsingRehearsal {
  /** The temporary folder holding everything; `ceremony` is the rehearsal's folder in it. */
  readonly dir: string;
  readonly ceremony: string;
  readonly sim: KmsSimulator;
  /** A client of the simulator's account, to look at the key as the KMS sees it. */
  readonly kms: KmsClient;
  readonly rehearsal: RehearsalResult;
  readonly keyId: string;
  readonly expiresAt: Date;
  /** The key check value the air-gapped side journaled when it wrapped the material. */
  readonly splitKcv: string;
  /** Moves the simulator's clock a minute past the material's expiry. */
  lapse(): void;
  close(): Promise<void>;
}

/** The rehearsal in a new temporary folder named after `prefix`; `custody` is its split, `onMaterialForAudit` sees the material. */
export async function lapsingRehearsal(
  prefix: string,
  custody: NonNullable<RehearsalOptions['custody']>,
  onMaterialForAudit?: RehearsalOptions['onMaterialForAudit'],
): Promise<LapsingRehearsal> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const sim = await startKmsSimulator();
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    retry: { maxAttempts: 1 },
  });
  const ceremony = path.join(dir, 'ceremony');
  const expiresAt = new Date(Date.now() + 10 * 60_000);
  const close = async () => {
    kms.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const rehearsal = await runRehearsal({
      outDir: ceremony,
      specs: ['AES_256'],
      app: APP,
      operator: 'Ana',
      witnesses: ['Ben'],
      custody,
      materialExpiry: { kind: 'at', at: expiresAt },
      simulator: sim,
      ...(onMaterialForAudit ? { onMaterialForAudit } : {}),
    });
    const wrapped = (await journalLines(rehearsal.files.airGapJournal)).find((e) => e.event === 'material.wrapped');
    return {
      dir,
      ceremony,
      sim,
      kms,
      rehearsal,
      keyId: rehearsal.rows[0]?.keyId as string,
      expiresAt,
      splitKcv: wrapped?.data.keyCheckValue as string,
      lapse: () => sim.clock.advance(11 * 60_000),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
