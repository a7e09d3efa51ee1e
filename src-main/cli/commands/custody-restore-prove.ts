/**
 * `keyferry custody restore` without --bundle: rebuild and prove per-key shares (format 1); with
 * --out, write the plaintext (mode 0600) for an HSM, with a WARNING naming it. Set shares go to custody-restore-set.ts.
 */

import path from 'node:path';

import { parseKeySpec } from '../../core/crypto/index';
import { type CustodyShare } from '../../core/custody/custody-share';
import { groupHex } from '../../core/hex-groups';
import { cliTranslator } from '../cli-locale';
import { restoreMaterial } from '../../core/custody/restore';
import { KeyferryError } from '../../core/errors';
import { writeFileExclusive } from '../../core/fs/durable-file';
import { writeAllOrNothing } from '../../core/fs/created-entries';

import type { CliIo } from '../command';

import { type ReadShare } from './custody-input';
import { runSetProveOnly } from './custody-restore-set';
import { writePlaintextStoppably } from './custody-plaintext-warning';
import { refusePlaintextInBundle } from '../../core/fs/plaintext-output';

import { isSetShare } from '../../core/custody/set-share';

import { NAME, type RestoreValues } from './custody-restore-options';
import { pathExists } from '../../core/fs/path-exists';
import { refuseOutputThroughLink } from '../../core/fs/linked-output';

/** `custody restore` without --bundle: proves the shares' material, and with --out writes it; `networked`: on a live network (allowed). */
export async function runProveOnly(
  values: RestoreValues,
  read: ReadShare[],
  io: CliIo,
  networked: boolean,
): Promise<number> {
  const setShares = read.map((r) => r.share).filter(isSetShare);
  if (setShares.length > 0) return runSetProveOnly(values, read, setShares, io, networked);
  const keyIds = values['key-id'] ?? [];
  if (keyIds.length > 1) throw new KeyferryError('CLI_OPTION_REPEATED', { command: NAME, option: '--key-id' });
  if (values.backup !== undefined)
    throw new KeyferryError('CLI_OPTION_FOR_SHARES', { option: '--backup', shares: 'set' });
  const shares = read.map((r) => r.share).filter((s): s is CustodyShare => !isSetShare(s));
  try {
    const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
    // The plaintext file goes into the folder named, never through a link on the way to it.
    if (out) await refuseOutputThroughLink({ role: 'restored', folder: path.dirname(out) });
    if (out) await refusePlaintextInBundle(out);
    if (out && (await pathExists(out))) {
      throw new KeyferryError('OUTPUT_EXISTS', { what: 'outFile', path: out });
    }
    const expected = {
      ...(values['ceremony-id'] ? { ceremonyId: values['ceremony-id'] } : {}),
      ...(keyIds[0] ? { keyId: keyIds[0] } : {}),
      ...(values['key-spec'] ? { spec: parseKeySpec(values['key-spec']) } : {}),
    };
    const material = await restoreMaterial(shares, { expected });
    try {
      const first = shares[0] as CustodyShare;
      const { t } = cliTranslator(io);
      io.stdout(
        t('cli.custody.prove.rebuilt', {
          spec: first.spec,
          keyId: first.keyId,
          ceremonyId: first.ceremonyId,
          count: shares.length,
          n: first.n,
          m: first.m,
        }),
      );
      for (const s of [...shares].sort((a, b) => a.index - b.index))
        io.stdout(t('cli.custody.prove.share', { index: s.index, n: s.n, custodian: s.custodian }));
      const check = first.materialCheck;
      io.stdout(
        t('cli.custody.prove.proof', {
          kind: check.kind === 'kcv' ? 'kcv' : 'spki',
          value: check.kind === 'kcv' ? check.value : groupHex(check.value),
        }),
      );
      io.stdout(t('cli.custody.proof-scope'));
      if (!out) {
        io.stdout(t('cli.custody.prove.nothing-written'));
        return 0;
      }
      const size = material.secret.use((bytes) => bytes.length);
      await writePlaintextStoppably(
        io,
        networked,
        (signal) =>
          writeAllOrNothing(
            async (layer) => [
              (await material.secret.use((bytes) => writeFileExclusive(out, bytes, { mode: 0o600, layer }))).path,
            ],
            { plain: true, signal },
          ),
        ([file], mode) =>
          t('cli.custody.prove.written', {
            file: file ?? out,
            size,
            form: first.spec === 'AES_256' ? 'aes' : 'pkcs8',
            ...mode,
          }),
      );
      return 0;
    } finally {
      material.dispose();
    }
  } finally {
    for (const share of shares) share.share.dispose();
  }
}
