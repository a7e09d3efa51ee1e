/** `keyferry online import`: check the wrapped-material bundle against the receipt's digest, import, verify every key, write the receipt. */
import { RefusalThen } from '../refusal-then';
import { namedKeysValue } from '../../core/ceremony/shared/named-keys';
import path from 'node:path';
import { parseMaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { refuseDurationGoingOn, sentImport } from '../../core/ceremony/online/resumed-import-expiry';

import type { CheckedBundleSummary, ImportedKeySummary } from '../../core/ceremony/online/types';
import { KeyferryError } from '../../core/errors';
import { refuseOutputThroughLink } from '../../core/fs/linked-output';
import { cliTranslator, explicitReceiptLanguage } from '../cli-locale';
import { journalsOfCeremony } from '../../core/journal/journals-of-ceremony';
import { custodyLine } from '../../i18n/custody-line';
import { madeByLine } from '../../i18n/made-by-line';
import { madeByValues } from '../../core/receipt/journal-facts';
import { missingOption, requireOption } from '../args';

import { openOnlineSession, type OnlineSession } from '../online-session';

import {
  defineOnlineCommand,
  nextOnline,
  nextParametersCommand,
  printGroupProofs,
  printProofs,
  replacedCustodyLines,
  withSession,
} from './online-steps';
import { TOKEN_EXPIRED_CODES } from '../../core/ceremony/online/refusal-kinds';
import type { CliIo } from '../command';
import { pauseForTest } from '../test-pause';
import { leaveToTheStop } from '../stoppable-write';
import { staleWrapRefused } from './online-import-stale';
import { importStoppedLines, type ImportStop } from '../import-stopped-lines';
import { bundleOnMedia, commandLine, mediaFolderLine } from '../command-line';
import { cliExpiry, cliWarnings, placeColumns, type PlacedKey, receiptWrittenLine } from '../cli-text';

/**
 * One imported key: for a replica group's member its region and role (the group's keys share one
 * alias), its material expiry, how it was chosen when not simply the bundle's request, and how the
 * KMS confirmed.
 */
function importedLine(io: CliIo, k: ImportedKeySummary, keys: readonly PlacedKey[]): string {
  const origin =
    k.expirySource !== 'override' ? 'bundle' : k.expiresAt === k.requestedExpiresAt ? 'option' : 'replaced';
  const place = keys.find((p) => p.keyId === k.keyId);
  const group = !place
    ? 'none'
    : place.replicaOf
      ? 'replica'
      : keys.some((p) => p.replicaOf === k.keyId)
        ? 'primary'
        : 'none';
  return cliTranslator(io).t('online.import.imported', {
    spec: k.spec,
    keyId: k.keyId,
    group,
    region: place?.region ?? '',
    primary: place?.replicaOf ?? '',
    expires: cliExpiry(io, k.expiresAt),
    origin,
    requested: cliExpiry(io, k.requestedExpiresAt),
    how: k.confirmation,
  });
}

/** Where the receipt goes: --receipt-dir, else the journal's folder (absolute); undefined without either. */
function receiptFolder(
  values: { readonly 'receipt-dir'?: string | undefined; readonly journal?: string | undefined },
  cwd: string,
): string | undefined {
  const given =
    values['receipt-dir'] ??
    (values.journal === undefined ? undefined : path.dirname(path.resolve(cwd, values.journal)));
  return given === undefined ? undefined : path.resolve(cwd, given);
}

/**
 * The --expect-digest of `online import`, required before anything is opened: only the digest on the
 * air-gapped receipt proves which bundle is being imported. Its form (16 groups of hex) is checked
 * by the ceremony, which journals a refusal (wrapped-bundle.refused).
 */
function receiptDigest(typed: string | undefined): string {
  if (typed === undefined || typed.trim() === '') throw new KeyferryError('CLI_EXPECT_DIGEST_MISSING');
  return typed;
}

/**
 * A bundle of another ceremony: when a journal beside this one records that ceremony, the journal
 * given was likely the wrong one (a trial's), and the refusal names it as `--journal` takes it.
 */
function withJournalOfBundleCeremony(error: unknown, journal: string, given: string | undefined): unknown {
  if (!(error instanceof KeyferryError) || error.code !== 'WRAPPED_OTHER_CEREMONY') return error;
  const bundleCeremony = String(error.values?.bundleCeremony ?? '');
  const [found] = journalsOfCeremony(path.dirname(journal), bundleCeremony, 'online', journal);
  if (found === undefined) return error;
  // As --journal takes it, quoted for the shell where its name needs it (a file name is anything).
  const named = given === undefined ? found : path.join(path.dirname(given), found);
  return new KeyferryError('WRAPPED_OTHER_CEREMONY', {
    bundleCeremony,
    ceremonyId: String(error.values?.ceremonyId ?? ''),
    journalOf: commandLine([named]),
  });
}

export const importCommand = defineOnlineCommand({
  name: 'online import',
  synopsis: [
    '--journal FILE --bundle DIR --expect-digest HEX [--expires never|DURATION|DATE-TIME] [--accept-other-airgap-journal] [--receipt-dir DIR] [connection options]',
  ],
  options: {
    bundle: { type: 'string', arg: 'DIR', help: 'cli.opt.online-import.bundle' },
    'expect-digest': {
      type: 'string',
      arg: 'HEX',
      help: 'cli.opt.online-import.expect-digest',
      grouped: true,
      nextLinePlaceholder: 'digest',
    },
    expires: {
      type: 'string',
      arg: 'WHEN',
      help: 'cli.opt.online-import.expires',
      nextLinePlaceholder: 'importExpiry',
    },
    'receipt-dir': { type: 'string', arg: 'DIR', help: 'cli.opt.receipt-dir' },
    'accept-other-airgap-journal': { type: 'boolean', help: 'cli.opt.online-import.accept-other-airgap-journal' },
  },
  async run({ values }, io) {
    const bundle = path.resolve(io.cwd, requireOption('online import', values.bundle, '--bundle'));
    // Empty (an unset shell variable): not taken for the current folder.
    if (values['receipt-dir']?.trim() === '') throw missingOption({ reason: 'empty', option: '--receipt-dir' });
    // The receipt goes into the folder named, never through a link: refused before anything is imported.
    const receipts = receiptFolder(values, io.cwd);
    if (receipts !== undefined) await refuseOutputThroughLink({ role: 'onlineReceipt', folder: receipts });
    const expectedDigest = receiptDigest(values['expect-digest']);
    const expiry = values.expires ? parseMaterialExpiry(values.expires) : undefined;
    const session = await openOnlineSession(values, io);
    let then: string | undefined;
    try {
      return await withSession(session, () =>
        importAndReceipt(session).catch((error: unknown) => {
          // An old wrap given again, its tokens refused: put aside, and online status's next step (one source).
          const stale = staleWrapRefused(io, values, session, error);
          if (stale) {
            then = stale.then;
            throw stale.refusal;
          }
          // Lapsed tokens, or keys whose material was deleted or lapsed: fresh parameters are the way on.
          const lostMaterial = error instanceof KeyferryError && error.code === 'IMPORT_NEEDS_NEW_PARAMETERS';
          if (lostMaterial || (error instanceof KeyferryError && TOKEN_EXPIRED_CODES.has(error.code)))
            then = cliTranslator(io).t(lostMaterial ? 'online.next.parameters-again' : 'online.next.new-parameters', {
              command: nextParametersCommand(session, values),
            });
          throw error;
        }),
      );
    } catch (error) {
      // Said after the refusal, which says why (run-cli.ts).
      throw then === undefined ? error : new RefusalThen(error, then);
    }
    async function importAndReceipt(session: OnlineSession): Promise<number> {
      const { t } = cliTranslator(io);
      const checked = await session.ceremony
        .checkWrappedBundle(
          bundle,
          { expectedDigest, source: 'air-gapped-receipt' },
          {
            ...(values['accept-other-airgap-journal'] === true ? { acceptOtherAirGapJournal: true } : {}),
            shownAs: values.bundle,
          },
        )
        .catch((error: unknown) => {
          // Refused after the bundle was read: who made it (the refusal's journal entry keeps it) is said
          // first (not for a bundle of another ceremony: the core keeps no maker for that refusal).
          const refused = session.journal.entries.at(-1);
          const made = refused?.event === 'wrapped-bundle.refused' ? madeByValues(refused.data.madeBy) : undefined;
          if (made) io.stdout(t('bundle.madeBy', made));
          throw withJournalOfBundleCeremony(error, session.journal.path, values.journal);
        });
      io.stdout(t('online.import.checked', { count: checked.keys.length }));
      io.stdout(t('import.digest.matches', { digest: checked.manifestSha256Grouped }));
      io.stdout(custodyLine(t, checked.custody));
      if (checked.madeBy) io.stdout(madeByLine(t, checked.madeBy));
      cliWarnings(io, checked.warnings).forEach((line) => io.stdout(line));
      // Run again after a receipt that could not be written: the keys hold this bundle's material already.
      const waiting = session.ceremony.step === 'material-checked';
      if (!waiting) io.stdout(t('online.import.already-imported'));
      // A duration would give the keys still to import another expiry than those sent already.
      else if (values.expires !== undefined) refuseDurationGoingOn(values.expires, session.ceremony, 'cli');
      const imported = waiting ? await importReportingStop(session, checked) : [];
      const keys = session.ceremony.keys();
      for (const k of placeColumns(io, keys).grouped(imported)) io.stdout(importedLine(io, k, keys));
      // Cut off while proving (the KMS unreachable, or Ctrl-C): what holds its material, and the run that finishes.
      const verifyStopped = () => {
        const again = [
          '--bundle',
          bundleOnMedia(bundle),
          '--expect-digest',
          checked.manifestSha256Grouped,
          ...(values['receipt-dir'] ? ['--receipt-dir', values['receipt-dir']] : []),
        ];
        const holding = session.ceremony.keys().filter((k) => k.imported).length;
        return [
          t('online.import.verify-stopped', { count: holding, command: nextOnline('import', values, again) }),
          mediaFolderLine(io, bundle, 'online'),
        ];
      };
      await pauseForTest(io, 'import-before-verify');
      const unregister = io.interrupts?.onStop(async (stop) => {
        stop.before.push(...verifyStopped());
        stop.nextPrinted = true;
      });
      const proofs = await session.ceremony
        .verifyKeys()
        .catch((error: unknown) => {
          // After a stop its handler says it; here only for a failure.
          if (!io.interrupts?.stopping) verifyStopped().forEach((line) => io.stdout(line));
          throw error;
        })
        .finally(() => unregister?.());
      printProofs(io, proofs, keys);
      printGroupProofs(io, session.ceremony.keys());
      if (!proofs.every((p) => p.ok)) {
        io.stderr(t('online.import.verify-failed'));
        return 1;
      }
      // Keys of another round (material from another source: material-sources.ts) still wait: the receipt waits for them.
      const waitingKeys = session.ceremony.keys().filter((k) => !k.imported);
      if (waitingKeys.length > 0) {
        io.stdout(
          t('online.import.others-waiting', {
            count: waitingKeys.length,
            keysList: namedKeysValue(waitingKeys),
            command: nextOnline('status', values),
          }),
        );
        return 0;
      }
      const receiptDir = receiptFolder(values, io.cwd) as string;
      const receipt = await session.ceremony.writeReceipt(receiptDir, explicitReceiptLanguage(io)).catch((error) => {
        const again = [
          '--bundle',
          bundleOnMedia(bundle),
          '--expect-digest',
          checked.manifestSha256Grouped,
          '--receipt-dir',
          'DIR',
        ];
        io.stdout(
          t('online.import.receipt-failed', { count: proofs.length, command: nextOnline('import', values, again) }),
        );
        io.stdout(mediaFolderLine(io, bundle, 'online'));
        throw error;
      });
      io.stdout(receiptWrittenLine(io, receipt));
      // Sets of wraps a later one replaced: no imported material is backed by them (replaced-custody.ts).
      for (const line of replacedCustodyLines(io, session.journal.entries)) io.stdout(line);
      io.stdout(t('online.next.status', { command: nextOnline('status', values) }));
      return 0;
    }
    /**
     * The import, which says on a stop part way (an error, or Ctrl-C while it runs) which keys hold
     * their material, which await the KMS's answer, which are still to import, and the command that
     * finishes the ceremony.
     */
    async function importReportingStop(
      session: OnlineSession,
      checked: CheckedBundleSummary,
    ): Promise<ImportedKeySummary[]> {
      const translator = cliTranslator(io);
      // The same import as given: its expiry as decided (a duration such as 30d, counted again later,
      // would give the rest of the keys, a replica group's other members among them, another expiry).
      // The bundle named on the media, as every Next line names it (the MEDIA line says where it is here).
      const rerun = nextOnline('import', values, [
        '--bundle',
        bundleOnMedia(bundle),
        '--expect-digest',
        checked.manifestSha256Grouped,
        ...(expiry ? ['--expires', expiry.kind === 'never' ? 'never' : expiry.at.toISOString()] : []),
        ...(values['receipt-dir'] ? ['--receipt-dir', values['receipt-dir']] : []),
      ]);
      const carried = new Set(checked.keys.map((k) => k.keyId));
      const said = (stop: ImportStop) => {
        const lines = importStoppedLines(translator, session.ceremony.keys(), carried, stop, rerun);
        return lines.some((line) => line.includes(rerun)) ? [...lines, mediaFolderLine(io, bundle, 'online')] : lines;
      };
      // A stop sends nothing further (each request checks it just before going out), then says where the import stands.
      const stopping = new AbortController();
      const unregister = io.interrupts?.onStop(async (stop) => {
        stopping.abort();
        const lines = said({ by: 'officer' });
        stop.before.push(...lines);
        stop.nextPrinted = lines.some((line) => line.includes(rerun));
      });
      const before = new Set(
        session.ceremony
          .keys()
          .filter(sentImport)
          .map((k) => k.keyId),
      );
      try {
        return await session.ceremony.importMaterial({ ...(expiry ? { expiry } : {}), signal: stopping.signal });
      } catch (error) {
        // Stopped: the stop's handlers say where it stands, journal the stop and end the process;
        // the command must not unwind meanwhile (its session would close the journal under them).
        await leaveToTheStop(stopping.signal);
        const progressed = session.ceremony.keys().some((k) => sentImport(k) && !before.has(k.keyId));
        said({ by: 'error', error, progressed }).forEach((line) => io.stdout(line));
        throw error;
      } finally {
        unregister?.();
      }
    }
  },
});
