/** `keyferry online import`: check the wrapped-material bundle against the receipt's digest, import, verify every key, write the receipt. */
import path from 'node:path';
import { parseMaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';

import type { ImportedKeySummary } from '../../core/ceremony/online/types';
import { parseTypedDigest } from '../../core/crypto/typed-digest';
import { KeyferryError } from '../../core/errors';
import { cliTranslator, explicitReceiptLanguage } from '../cli-locale';
import { custodyLine } from '../../i18n/custody-line';
import { requireOption } from '../args';

import { ONLINE_COMMON_OPTIONS, openOnlineSession, type OnlineSession } from '../online-session';

import {
  CREDENTIALS_NOTE,
  nextOnline,
  parametersRound,
  printProofs,
  roundName,
  TOKEN_EXPIRED_CODES,
  withSession,
} from './online-steps';
import { defineCommand } from '../command';

/** How an imported key's expiry was chosen, when it is not simply the bundle's request. */
function expiryOrigin(k: ImportedKeySummary): string {
  if (k.expirySource !== 'override') return '';
  return k.expiresAt === k.requestedExpiresAt
    ? ', chosen with --expires'
    : `, chosen with --expires instead of the bundle's ${k.requestedExpiresAt}`;
}

/**
 * The --expect-digest of `online import`, checked in form before anything is opened: required,
 * because only the digest on the air-gapped receipt proves which bundle is being imported.
 */
function receiptDigest(typed: string | undefined): string {
  if (typed === undefined || typed.trim() === '') throw new KeyferryError('CLI_EXPECT_DIGEST_MISSING');
  return parseTypedDigest(typed, 'wrapped');
}

export const importCommand = defineCommand({
  name: 'online import',
  summary: 'Check the wrapped-material bundle, import it, verify every key, write the receipt',
  synopsis: [
    '--journal FILE --bundle DIR --expect-digest HEX [--expires never|ISO-DATE] [--receipt-dir DIR] [connection options]',
  ],
  about: 'cli.about.online-import',
  options: {
    bundle: { type: 'string', arg: 'DIR', help: 'cli.opt.online-import.bundle' },
    'expect-digest': { type: 'string', arg: 'HEX', help: 'cli.opt.online-import.expect-digest' },
    expires: { type: 'string', arg: 'WHEN', help: 'cli.opt.online-import.expires' },
    'receipt-dir': { type: 'string', arg: 'DIR', help: 'cli.opt.receipt-dir' },
    ...ONLINE_COMMON_OPTIONS,
  },
  notes: [CREDENTIALS_NOTE],
  async run({ values }, io) {
    const bundle = path.resolve(io.cwd, requireOption('online import', values.bundle, '--bundle'));
    const expectedDigest = receiptDigest(values['expect-digest']);
    const expiry = values.expires ? parseMaterialExpiry(values.expires) : undefined;
    const session = await openOnlineSession(values, io);
    return withSession(session, () =>
      importAndReceipt(session).catch((error: unknown) => {
        if (error instanceof KeyferryError && TOKEN_EXPIRED_CODES.has(error.code)) {
          const out = roundName(`import-parameters-${session.ceremony.ceremonyId}`, parametersRound(session) + 1);
          io.stdout(
            cliTranslator(io).t('online.next.new-parameters', {
              command: nextOnline('params', values, ['--out', out]),
            }),
          );
        }
        throw error;
      }),
    );
    async function importAndReceipt(session: OnlineSession): Promise<number> {
      const checked = await session.ceremony.checkWrappedBundle(bundle, {
        expectedDigest,
        source: 'air-gapped-receipt',
      });
      io.stdout(
        `Wrapped-material bundle checked against the parameters the KMS issued: ${checked.keys.length} key(s).`,
      );
      io.stdout(cliTranslator(io).t('import.digest.matches', { digest: checked.manifestSha256Grouped }));
      io.stdout(custodyLine(cliTranslator(io).t, checked.custody));
      for (const warning of checked.warnings) io.stdout(`WARNING: ${warning}`);
      const imported = await session.ceremony.importMaterial(expiry ? { expiry } : {});
      for (const k of imported)
        io.stdout(
          `  imported ${k.spec} key ${k.keyId} (material expires: ${k.expiresAt}${expiryOrigin(k)}; ${k.confirmation})`,
        );
      const proofs = await session.ceremony.verifyKeys();
      printProofs(io, proofs);
      if (!proofs.every((p) => p.ok)) {
        io.stderr(
          'keyferry online import: a key failed verification; no receipt was written. Check it with "keyferry online status".',
        );
        return 1;
      }
      const receiptDir = path.resolve(
        io.cwd,
        values['receipt-dir'] ?? path.dirname(path.resolve(io.cwd, values.journal as string)),
      );
      const receipt = await session.ceremony.writeReceipt(receiptDir, explicitReceiptLanguage(io));
      io.stdout(`Receipt: ${receipt.htmlFile} (and ${path.basename(receipt.textFile)})`);
      io.stdout(`Next, to check the keys at any time: ${nextOnline('status', values)}`);
      return 0;
    }
  },
});
