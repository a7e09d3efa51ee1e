/**
 * `keyferry custody restore` for shares of a ceremony custody set (format 2): which backup file
 * goes with the shares, what is printed, and the restore without a ceremony (prove every chosen
 * key, and with --out write each into a new folder, all or nothing, with a WARNING naming each file).
 */
import path from 'node:path';
import type { CustodyBackup } from '../../core/custody/backup-file';
import { backupBeside, readBackupFile } from '../../core/custody/backup-text';
import { recordedChecks, restoreCustodySet, type RestoredSetKey } from '../../core/custody/set-restore';
import { isSetShare, type SetShare } from '../../core/custody/set-share';
import { KeyferryError } from '../../core/errors';
import { writeAllOrNothing } from '../../core/fs/created-entries';
import { createFreshFolder, writeFileExclusive } from '../../core/fs/durable-file';
import { groupHex } from '../../core/hex-groups';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import { pauseForTest } from '../test-pause';
import type { ReadShare } from './custody-input';
import { pathExists } from '../../core/fs/path-exists';
import { refuseOutputThroughLink } from '../../core/fs/linked-output';
import { listText } from '../../i18n/list';
import { writePlaintextStoppably } from './custody-plaintext-warning';
import { refusePlaintextInBundle } from '../../core/fs/plaintext-output';

interface SetValues {
  readonly backup?: string | undefined;
  readonly out?: string | undefined;
  readonly 'key-id'?: string[] | undefined;
  readonly 'ceremony-id'?: string | undefined;
  readonly 'key-spec'?: string | undefined;
}

/**
 * The backup file for set shares: --backup, else the copy beside the first share file. Refuses
 * --backup with per-key shares and set shares typed with no backup named.
 */
export async function backupFileFor(
  values: SetValues,
  read: readonly ReadShare[],
  io: CliIo,
): Promise<string | undefined> {
  const sets = read.filter((r) => isSetShare(r.share));
  if (sets.length === 0) {
    if (values.backup !== undefined)
      throw new KeyferryError('CLI_OPTION_FOR_SHARES', { option: '--backup', shares: 'set' });
    return undefined;
  }
  if (values.backup !== undefined) return path.resolve(io.cwd, values.backup);
  const filed = sets.find((r) => r.source === 'file');
  if (!filed) throw new KeyferryError('CUSTODY_BACKUP_NOT_GIVEN', {});
  return backupBeside(filed.file, filed.share as SetShare);
}

export function printBackup(io: CliIo, backup: CustodyBackup, file: string): void {
  io.stdout(
    cliTranslator(io).t('cli.custody.backup-read', {
      file: path.basename(file),
      keys: backup.entries.length,
      ceremonyId: backup.ceremonyId,
      digest: groupHex(backup.digest),
    }),
  );
}

interface RestoredFacts {
  readonly total: number;
  readonly threshold: number;
  readonly keys?:
    | readonly {
        keyId: string;
        spec: string;
        keyCheckValue: string | null;
        publicKeyFingerprint: string | null;
        replicaOf?: string;
      }[]
    | undefined;
}

export function printSetRestored(
  io: CliIo,
  ceremonyId: string,
  shareIndexes: readonly number[],
  restored: RestoredFacts,
): void {
  const { t } = cliTranslator(io);
  const keys = restored.keys ?? [];
  io.stdout(
    t('cli.custody.set-restored', {
      count: keys.length,
      ceremonyId,
      shares: listText({ t }, shareIndexes),
      n: restored.total,
      m: restored.threshold,
    }),
  );
  for (const k of keys)
    io.stdout(
      t('cli.custody.set-restored-key', {
        keyId: k.keyId,
        spec: k.spec,
        kind: k.keyCheckValue ? 'kcv' : 'spki',
        value: k.keyCheckValue ?? groupHex(k.publicKeyFingerprint ?? ''),
        // A replica's material is its primary's: its check value is the primary's too.
        replicaOf: k.replicaOf ?? 'none',
      }),
    );
}

/**
 * Writes every restored key into the new folder `dir`, all or nothing (a failure names any file of
 * plain key material it could not take away again; a stop, `signal`, fails it so); returns the files written.
 */
async function writeAll(
  io: CliIo,
  dir: string,
  restored: readonly RestoredSetKey[],
  signal: AbortSignal,
): Promise<string[]> {
  return writeAllOrNothing(
    async (layer) => {
      await createFreshFolder(dir, layer);
      const files: string[] = [];
      for (const r of restored) {
        const written = await r.material.secret.use((bytes) =>
          writeFileExclusive(path.join(dir, `${r.keyId}.key`), bytes, { mode: 0o600, layer }),
        );
        files.push(written.path);
        if (files.length === 1) await pauseForTest(io, 'custody-restore-first-key', signal);
      }
      await pauseForTest(io, 'custody-restore-written', signal);
      return files;
    },
    { plain: true, signal },
  );
}

/** Restores (and proves) the chosen keys of a custody set without a ceremony; --out writes them. */
export async function runSetProveOnly(
  values: SetValues,
  read: readonly ReadShare[],
  shares: readonly SetShare[],
  io: CliIo,
  networked: boolean,
): Promise<number> {
  const { t } = cliTranslator(io);
  if (shares.length !== read.length) throw new KeyferryError('CUSTODY_SET_SHARES_MIXED', mixedValues(read));
  if (values['key-spec'] !== undefined)
    throw new KeyferryError('CLI_OPTION_FOR_SHARES', { option: '--key-spec', shares: 'perKey' });
  const ceremonyId = values['ceremony-id'];
  const foreign = shares.find((s) => ceremonyId !== undefined && s.ceremonyId !== ceremonyId);
  if (foreign)
    throw new KeyferryError('CUSTODY_SET_SHARES_MIXED', {
      first: foreign.index,
      other: foreign.index,
      firstCeremony: ceremonyId ?? '',
      otherCeremony: foreign.ceremonyId,
    });
  const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  // Plaintext key material goes into the folder named, never through a link on the way to it.
  if (out) await refuseOutputThroughLink({ role: 'restored', folder: out });
  if (out) await refusePlaintextInBundle(out);
  if (out && (await pathExists(out))) throw new KeyferryError('CUSTODY_OUT_EXISTS', { path: out });
  const file = (await backupFileFor(values, read, io)) as string;
  const backup = await readBackupFile(file);
  printBackup(io, backup, file);
  const keyIds = values['key-id'];
  const restored = await restoreCustodySet(shares, backup, {
    backupLabel: path.basename(file),
    ...(keyIds && keyIds.length > 0 ? { keyIds } : {}),
  });
  try {
    const first = shares[0] as SetShare;
    printSetRestored(
      io,
      first.ceremonyId,
      [...shares].map((s) => s.index).sort((a, b) => a - b),
      {
        total: first.n,
        threshold: first.m,
        keys: recordedChecks(
          backup,
          restored.map((r) => ({ keyId: r.keyId, spec: r.material.spec })),
        ),
      },
    );
    io.stdout(t('cli.custody.proof-scope'));
    if (!out) {
      io.stdout(t('cli.custody.set-nothing-written'));
      return 0;
    }
    await writePlaintextStoppably(
      io,
      networked,
      (signal) => writeAll(io, out, restored, signal),
      (_files, mode) => t('cli.custody.set-files-written', { count: restored.length, dir: out, ...mode }),
    );
    return 0;
  } finally {
    for (const r of restored) r.material.dispose();
  }
}

function mixedValues(read: readonly ReadShare[]) {
  const set = read.find((r) => isSetShare(r.share))?.share;
  const other = read.find((r) => !isSetShare(r.share))?.share;
  return {
    first: set?.index ?? 0,
    other: other?.index ?? 0,
    firstCeremony: set?.ceremonyId ?? '',
    otherCeremony: other?.ceremonyId ?? '',
  };
}
