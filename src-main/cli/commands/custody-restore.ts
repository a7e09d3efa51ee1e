/**
 * `keyferry custody restore`: rebuild key material from M custody shares.
 *  - With --bundle: the restore ceremony (custody-restore-ceremony.ts; from an HSM token:
 *    custody-restore-hsm.ts), which writes no plaintext.
 *  - Without it: rebuild and prove only (custody-restore-prove.ts; set shares:
 *    custody-restore-set.ts); --out writes the plaintext (mode 0600) for an HSM. It rebuilds
 *    plaintext material, so the air-gapped network check runs first (unjournaled: no journal).
 * Options and the mixes refused: custody-restore-options.ts.
 */
import { requireHsmJournal } from '../ceremony-journal';
import { namingShareFiles } from './refused-share-files';
import { parseMaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { severalSharesReason } from '../../core/ceremony/restore/presenters';
import { defineCommand } from '../command';
import { hsmSourceFromOptions } from '../hsm-source-options';
import { readShares } from './custody-input';
import { runCeremony } from './custody-restore-ceremony';
import { checkMode, NAME, presentedByMap, RESTORE_OPTIONS } from './custody-restore-options';
import { runProveOnly } from './custody-restore-prove';
import { journalRefusalBeforeStart } from './custody-restore-refusal';
import { checkNetworkBeforeMaterial } from '../network-check-lines';

export const custodyRestoreCommand = defineCommand({
  name: NAME,
  synopsis: [
    '--share FILE... [--typed FILE...] [--backup FILE] --bundle DIR --wrapped-out DIR',
    '    --journal FILE --operator NAME --witness NAME... [--witness-confirms NAME=DIGEST...]',
    '    [--presented-by INDEX=NAME...] [--one-person-several-shares REASON] [--expires original|never|DURATION|DATE-TIME] [--receipt-dir DIR] [--title TEXT] [--allow-network]',
    '--hsm-module FILE --hsm-token LABEL|SERIAL [--hsm-pin-env VAR] [--hsm-journal FILE]',
    '    --bundle DIR --wrapped-out DIR --journal FILE --operator NAME --witness NAME... [...]',
    '--share FILE... [--typed FILE...] [--backup FILE] [--out FILE|DIR] [--ceremony-id ID] [--key-id ID...] [--key-spec SPEC]',
    '    [--allow-network]',
  ],
  options: RESTORE_OPTIONS,
  notes: ['cli.note.custody-restore.hsm', 'cli.note.custody-restore.set', 'cli.note.custody-restore.prove'],
  async run({ values }, io) {
    checkMode(values);
    if (values.bundle === undefined) {
      presentedByMap(values['presented-by'] ?? []);
      // Rebuilds plaintext material (and with --out writes it): the air-gapped check, before any share is read.
      const networked = checkNetworkBeforeMaterial(io, values['allow-network']);
      const read = await readShares(values.share ?? [], values.typed ?? [], io.cwd);
      return namingShareFiles(read, io, () => runProveOnly(values, read, io, networked));
    }
    // From here on a refusal is an attempt at the ceremony: journaled when its journal exists.
    const hsm = await journalRefusalBeforeStart(values, io, async () => {
      if (values.expires && values.expires.trim() !== 'original')
        parseMaterialExpiry(values.expires, new Date(), '--expires', true);
      presentedByMap(values['presented-by'] ?? []);
      severalSharesReason(values['one-person-several-shares'], 'cli');
      const given = values['hsm-journal'];
      const airGapJournal = given === undefined ? undefined : await requireHsmJournal(io.cwd, given);
      const source = await hsmSourceFromOptions(values, io, []);
      return source ? { source, airGapJournal } : null;
    });
    if (hsm) {
      const { source, airGapJournal } = hsm;
      return runCeremony(values, io, {
        modulePath: source.modulePath,
        token: source.token,
        pin: source.pin,
        acceptZeroFilledPad: source.acceptZeroFilledPad ?? false,
        ...(airGapJournal === undefined ? {} : { airGapJournal }),
      });
    }
    return runCeremony(values, io, null);
  },
});
