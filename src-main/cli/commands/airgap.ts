/**
 * `keyferry airgap wrap`: the air-gapped workstation's half of a real ceremony in one command:
 * network check, parameters (bundle or console files), the bundle digest typed by every witness,
 * material (generated, or loaded from a file), optional M-of-N custody, wrap, wrapped-material
 * bundle, receipt. Journaled step by step (--journal FILE). No network client is involved.
 */
import { wrapsOnMedia } from '../../core/ceremony/airgap/wraps-on-media';
import { unfinishedSessionLines } from '../unfinished-session-lines';
import path from 'node:path';
import { custodyRequest } from '../custody-request';
import { splitCustodyPrinted } from '../custody-set-lines';
import { AirGapCeremony, type ParametersOverview } from '../../core/ceremony/airgap/workflow';
import { refuseOtherPeopleThanBundle } from '../../core/ceremony/airgap/parameters-overview';
import { earliestExpiry } from '../../core/ceremony/airgap/no-backup-acknowledgement';
import type { MaterialSummary } from '../../core/ceremony/airgap/produce-material';
import { cliAppIdentity } from '../software-identity';
import { parseMaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { KeyferryError } from '../../core/errors';
import { problemCause } from '../../core/ceremony/airgap/session-stop';
import { missingOption, requireOption } from '../args';
import { optionTable } from '../options';
import { defineCommand, type CliIo } from '../command';
import { openCeremonyJournal } from '../ceremony-journal';
import { startedOnJournal } from '../../core/journal';
import { CONFIRM_FINGERPRINT_OPTION, confirmAsEveryWitness } from '../witness-confirmations';
import { readConsoleFilesInput } from '../console-files-input';
import { cliDate, cliExpiry, cliWarnings, placeColumns, printKeyTable, receiptWrittenLine } from '../cli-text';
import { cliTranslator, sessionReceiptLanguage } from '../cli-locale';
import { networkCheckLine } from '../network-check-lines';
import { custodyLine } from '../../i18n/custody-line';
import { listText } from '../../i18n/list';
import { pauseForTest } from '../test-pause';
import { resumeLines, stopCeremonyOnInterrupt, withdrawalLines } from '../session-stop-lines';
import { bundleCeremonyOf } from '../../core/bundle/ceremony-facts';
import { ceremonyTitle } from '../ceremony-title';
import { consoleImportHint, mediaFolderLine, onlineImportHint } from '../command-line';
import { groupHex } from '../../core/hex-groups';
import { printEarlierWraps, printWrapAgain } from '../wrap-again-lines';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { HSM_OPTIONS, hsmSourceFromOptions } from '../hsm-source-options';
import { materialCheck, printHsmMaterial, printHsmSource } from '../hsm-source-lines';
import { crashedObjectsLines, destroyedBeforeRefusalLines } from '../crashed-objects-lines';
import { refuseMissingReceiptFolder } from '../receipt-folder';
import { checkJournalBeforeOpening } from '../journal-before-opening';

const NAME = 'airgap wrap';

const OPTIONS = optionTable({
  bundle: { type: 'string', arg: 'DIR', help: 'cli.opt.airgap.bundle' },
  'console-wrapping-key': { type: 'string', arg: 'FILE', help: 'cli.opt.airgap.console-wrapping-key' },
  'key-id': { type: 'string', arg: 'ID', help: 'cli.opt.airgap.key-id' },
  spec: { type: 'string', arg: 'SPEC', help: 'cli.opt.airgap.spec' },
  'import-token': { type: 'string', arg: 'FILE', help: 'cli.opt.airgap.import-token' },
  'wrapping-algorithm': { type: 'string', arg: 'ALG', help: 'cli.opt.wrapping-algorithm' },
  out: { type: 'string', arg: 'DIR', help: 'cli.opt.wrapped-out' },
  journal: { type: 'string', arg: 'FILE', help: 'cli.opt.airgap.journal' },
  operator: { type: 'string', arg: 'NAME', help: 'cli.opt.operator' },
  witness: { type: 'string', multiple: true, arg: 'NAME', help: 'cli.opt.witness' },
  title: { type: 'string', arg: 'TEXT', help: 'cli.opt.title' },
  'witness-confirms': { type: 'string', multiple: true, arg: 'NAME=DIGEST', help: 'cli.opt.witness-confirms' },
  material: { type: 'string', arg: 'FILE', help: 'cli.opt.airgap.material' },
  'passphrase-env': { type: 'string', arg: 'VAR', help: 'cli.opt.passphrase-env' },
  expires: { type: 'string', arg: 'WHEN', help: 'cli.opt.airgap.expires', nextLinePlaceholder: 'wrapExpiry' },
  custody: { type: 'string', arg: 'M/N', help: 'cli.opt.airgap.custody', nextLinePlaceholder: 'custodySplit' },
  custodian: {
    type: 'string',
    multiple: true,
    arg: 'NAME',
    help: 'cli.opt.airgap.custodian',
    nextLinePlaceholder: 'custodian',
  },
  'custodian-folder': {
    type: 'string',
    multiple: true,
    arg: 'DIR',
    help: 'cli.opt.airgap.custodian-folder',
    nextLinePlaceholder: 'custodianFolder',
  },
  'shares-on-one-volume': { type: 'boolean', help: 'cli.opt.airgap.shares-on-one-volume' },
  'receipt-dir': { type: 'string', arg: 'DIR', help: 'cli.opt.receipt-dir' },
  'allow-network': { type: 'boolean', help: 'cli.opt.allow-network' },
  'no-backup': { type: 'boolean', help: 'cli.opt.airgap.no-backup' },
  'wrap-again': { type: 'string', arg: 'REASON', help: 'cli.opt.airgap.wrap-again' },
  'journal-lost': { type: 'string', arg: 'REASON', help: 'cli.opt.airgap.journal-lost' },
  ...HSM_OPTIONS,
  'confirm-fingerprint': CONFIRM_FINGERPRINT_OPTION,
});

/**
 * `--expires` for the wrap: a duration counts from `kmsNow` (the KMS's time as the bundle's tokens
 * show it); a date-time past by that time only is taken here and refused by the preflight, which
 * says which clock it judged by.
 */
function wrapExpiryOverride(given: string, kmsNow: Date) {
  try {
    return parseMaterialExpiry(given, kmsNow);
  } catch (error) {
    if (!(error instanceof KeyferryError) || error.code !== 'EXPIRY_IN_PAST') throw error;
    return parseMaterialExpiry(given, new Date());
  }
}

/** A loaded or generated key's material line: its check value and the replicas its material also serves. */
function printMaterial(
  io: CliIo,
  overview: ParametersOverview,
  how: 'loaded' | 'generated',
  material: MaterialSummary,
) {
  const replicaIds = overview.keys.filter((k) => k.replicaOf === material.keyId).map((k) => k.keyId);
  io.stdout(
    cliTranslator(io).t('cli.material-produced', {
      how,
      spec: material.spec,
      keyId: material.keyId,
      check: materialCheck(io, material),
      replicas: replicaIds.length,
      replicaIds: listText(cliTranslator(io), replicaIds),
    }),
  );
}

function printParameters(io: CliIo, overview: ParametersOverview): void {
  const { t } = cliTranslator(io);
  const source = overview.source === 'console files' ? 'consoleFiles' : overview.source;
  io.stdout(t('airgap.parameters-from', { id: overview.ceremonyId, count: overview.keys.length, source }));
  // A replica group's keys share one alias: the region and group columns tell them apart.
  const placed = overview.keys.map((k) => ({ ...k, region: k.region ?? '', projectId: k.projectId ?? '' }));
  printKeyTable(io, placed, ['alias', 'spec', 'keyId', 'tokenUntil'], overview.keys, (k) => [
    k.alias,
    k.spec,
    k.keyId,
    k.tokenExpiresAt ? cliDate(io, k.tokenExpiresAt) : t('airgap.token-held-by-console'),
  ]);
  cliWarnings(io, overview.warnings).forEach((line) => io.stdout(line));
  // A bundle's digest is not printed here: every witness types it as heard from the online side.
  for (const artefact of overview.confirmations) {
    if (artefact.kind !== 'import-parameters-bundle') continue;
    io.stdout(t('witness.fingerprints.heading'));
    // In the table's order: each replica group's replicas under their primary.
    for (const k of placeColumns(io, placed).grouped(artefact.fingerprints))
      io.stdout(t('airgap.fingerprint-of', { grouped: k.grouped, keyId: k.keyId }));
  }
}

export const airgapWrapCommand = defineCommand({
  name: NAME,
  synopsis: [
    '--bundle DIR --out DIR --journal FILE --operator NAME --witness NAME ... [options]',
    '--console-wrapping-key FILE --key-id ID --spec SPEC --import-token FILE --out DIR --journal FILE ... [options]',
  ],
  options: OPTIONS,
  async run({ values }, io) {
    if (values['confirm-fingerprint']) throw new KeyferryError('CLI_CONFIRM_FINGERPRINT_REPLACED');
    const out = path.resolve(io.cwd, requireOption(NAME, values.out, '--out'));
    const operator = requireOption(NAME, values.operator, '--operator');
    const witnesses = values.witness ?? [];
    if (witnesses.length === 0) throw missingOption({ reason: 'witness' });
    if (!values.bundle && !values['console-wrapping-key']) throw missingOption({ reason: 'parameters' });
    // The bundle carries the ceremony's title, the plan's material expiry and the online journal's name.
    const bundleDir = values.bundle ? path.resolve(io.cwd, values.bundle) : undefined;
    const bundleCeremony = bundleDir ? await bundleCeremonyOf(bundleDir) : undefined;
    const facts = bundleCeremony?.facts;
    // The --journal given, against the bundle, before it opens (journal-before-opening.ts).
    const journalLost = values['journal-lost'];
    // This ceremony's earlier wraps on the media (beside the bundle and --out): parameters that name
    // no journal are held to theirs (a trial's second wrap in a new journal made a second material).
    const onMedia =
      bundleDir && bundleCeremony
        ? await wrapsOnMedia(
            [
              { dir: bundleDir, shownAs: values.bundle as string },
              { dir: out, shownAs: values.out as string },
            ],
            bundleCeremony.ceremonyId,
          )
        : [];
    await checkJournalBeforeOpening(io, {
      journal: values.journal,
      journalLost,
      bundleDir,
      bundle: bundleCeremony,
      onMedia,
    });
    // Other people than the bundle names are refused before the journal gets a session (the
    // ceremony's own read refuses them too, journaled, where no earlier check ran: the app).
    refuseOtherPeopleThanBundle(facts?.people, { operator, witnesses });
    const title = ceremonyTitle(values.title, facts, cliTranslator(io).t('airgap.default-title'));
    // An explicit --expires overrides each key's planned expiry (journaled where a plan differs);
    // its form is refused here, before the journal opens; a duration is counted once the bundle is read.
    if (values.expires !== undefined) parseMaterialExpiry(values.expires);
    const passphrase = secretFromEnvironment('passphrase-env', values['passphrase-env'], io.env);
    const custody = custodyRequest(values, io.cwd);
    await refuseMissingReceiptFolder(io.cwd, values['receipt-dir']);
    const journal = await openCeremonyJournal(io.cwd, values.journal, true, io, 'air-gapped');
    const air = await startedOnJournal(journal, () =>
      AirGapCeremony.start({
        journal,
        title,
        operator,
        witnesses,
        app: cliAppIdentity(io.env),
        receiptLanguage: sessionReceiptLanguage(io, journal.entries),
        pause: (point) => pauseForTest(io, point),
      }),
    );
    for (const line of unfinishedSessionLines(io, air.unfinishedEarlier, { option: '--out', folder: out }))
      io.stdout(line);
    const unregisterStop = stopCeremonyOnInterrupt(io, air, journal.path, '--out');
    try {
      const network = await air.checkNetwork({ allowNetwork: values['allow-network'] });
      io.stdout(networkCheckLine(io, network));
      const overview = values.bundle
        ? await air.readParametersBundle(path.resolve(io.cwd, values.bundle), values.bundle, { journalLost, onMedia })
        : await air.readConsoleFiles([await readConsoleFilesInput(io.cwd, values)]);
      printParameters(io, overview);
      // The KMS's time as the bundle's tokens show it: a duration (30d) counts from it, as custody
      // restore's does, and a plan moment it has passed is replaced, not overridden online.
      const kmsNow = air.kmsTime();
      // A date ahead of this computer's clock but not of the KMS's is left to the preflight, whose
      // refusal names the KMS's time (EXPIRY_IN_PAST, wrapKms), not "not in the future".
      const override = values.expires === undefined ? undefined : wrapExpiryOverride(values.expires, kmsNow);
      const receiptDir = path.resolve(
        io.cwd,
        values['receipt-dir'] ?? path.dirname(path.resolve(io.cwd, values.journal as string)),
      );
      const planned = {
        wrappedBundle: out,
        receiptFolder: receiptDir,
        materialExpiry: override ?? ('plan' as const),
        // No custodian folder on the volume of the folder this runs in, nor of the material file.
        workingFolder: io.cwd,
        ...(values.material ? { materialFile: path.resolve(io.cwd, values.material) } : {}),
        ...(custody
          ? {
              custodianFolders: custody.folders,
              custodianNames: custody.custodians,
              allowSameVolume: custody.allowSameVolume ?? false,
            }
          : {}),
      };
      // Listed before the preflight: a refusal to wrap again (WRAP_AGAIN_NOT_CHOSEN) then names them.
      printEarlierWraps(io, air.earlierWraps);
      const wrapAgain = values['wrap-again'];
      const overrides = await air.preflight(planned, wrapAgain === undefined ? {} : { wrapAgain });
      for (const o of overrides) {
        // Which clock has passed the plan's moment: this computer's, or only the KMS's (the tokens show it later).
        const plannedAt = o.planned === 'never' ? Infinity : Date.parse(o.planned);
        const passed = plannedAt <= Date.now() ? 'computer' : plannedAt <= kmsNow.getTime() ? 'kms' : 'no';
        io.stdout(
          cliTranslator(io).t('cli.expiry-plan-overridden', {
            requested: cliExpiry(io, o.requested),
            planned: cliExpiry(io, o.planned),
            count: o.keyIds.length,
            passed,
            kmsNow: kmsNow.getTime(),
          }),
        );
      }
      const hsm = await hsmSourceFromOptions(
        values,
        io,
        overview.keys.map((k) => k.keyId),
      );
      if (hsm) {
        if (custody) throw new KeyferryError('HSM_CUSTODY_IS_TOKEN', { token: `"${hsm.token}"` });
        if (values.material) throw new KeyferryError('HSM_SOURCE_CHOSEN', {});
        // A refusal after objects a crashed session left were destroyed says that first.
        const summary = await air.useHsm(hsm).catch((error: unknown) => {
          for (const line of destroyedBeforeRefusalLines(io, error)) io.stdout(line);
          throw error;
        });
        printHsmSource(io, summary);
        for (const line of crashedObjectsLines(io, air.crashedObjects)) io.stdout(line);
      }
      // Material to be generated for a key the KMS bound already: refused before any witness types a digest.
      if (!values.material) await air.refuseFreshMaterialForBound();
      // Why this wrap runs again, and what the earlier custody sets' holders destroy once it is imported:
      // only past the refusals above, which make nothing (an HSM with custody shares, fresh material for a bound key).
      // The material of keys already in the token, or of a file: not new material.
      const existing = !!values.material || !!hsm?.existingKeys;
      // Fresh material goes to every key the KMS has not bound to material: an earlier set is destroyed only if it backs no other.
      const fresh = overview.keys.filter((k) => k.bound === null).map((k) => k.keyId);
      printWrapAgain(io, air.earlierWraps, air.repeatedWrap, wrapAgain, {
        existing,
        custody: custody !== undefined,
        fresh,
      });
      // AES material generated here (not loaded from a file the officer keeps) that will expire in the KMS.
      const loadedKeyId = values.material
        ? (values['key-id'] ?? (overview.keys.length === 1 ? overview.keys[0]?.keyId : undefined))
        : undefined;
      // Counted by the core: each AES key whose own expiry is a moment (HSM material stays in the token).
      const unbacked = air.unbackedAesKeys(planned).filter((k) => k.keyId !== loadedKeyId);
      if (unbacked.length > 0) {
        const expiresAt = earliestExpiry(unbacked);
        if (!values['no-backup'])
          throw new KeyferryError('NO_BACKUP_NOT_ACKNOWLEDGED', {
            count: unbacked.length,
            expiresAt: Date.parse(expiresAt),
          });
        await air.acknowledgeNoBackup([...new Set(unbacked.map((k) => k.expiresAt))]);
        io.stdout(
          cliTranslator(io).t('cli.no-backup-acknowledged', {
            count: unbacked.length,
            expiresAt: cliDate(io, expiresAt),
          }),
        );
      }
      io.stdout(
        cliTranslator(io).t('cli.preflight-passed', {
          bundle: out,
          receipts: receiptDir,
          custodians: custody?.folders.length ?? 0,
        }),
      );
      await confirmAsEveryWitness(air, journal, values['witness-confirms'], io);
      if (values.material) {
        const keyId = values['key-id'] ?? (overview.keys.length === 1 ? overview.keys[0]?.keyId : undefined);
        if (!keyId) throw missingOption({ reason: 'materialKeyId' });
        const loaded = await air.loadMaterialFile(keyId, path.resolve(io.cwd, values.material), passphrase);
        printMaterial(io, overview, 'loaded', loaded);
      }
      for (const generated of await air.generateMaterial()) {
        if (generated.source === 'hsm') {
          printHsmMaterial(io, generated);
          continue;
        }
        printMaterial(io, overview, 'generated', generated);
      }
      if (custody) {
        if (custody.allowSameVolume) io.stdout(cliTranslator(io).t('airgap.shares-one-volume'));
        await splitCustodyPrinted(io, air, custody, overview.keys.length);
      }
      await air.wrap();
      const bundle = await air.writeWrappedBundle(out, override ? { expiry: override } : {});
      const { t } = cliTranslator(io);
      io.stdout(t('airgap.bundle-staged', { dir: bundle.dir }));
      io.stdout(t('airgap.bundle-digest', { digest: groupHex(bundle.manifestSha256) }));
      io.stdout(`  ${custodyLine(t, bundle.custody)}`);
      await pauseForTest(io, 'before-receipt');
      const receipt = await air.writeReceipt(receiptDir, {
        beforeManifest: () => pauseForTest(io, 'receipt-before-manifest'),
      });
      io.stdout(receiptWrittenLine(io, receipt));
      io.stdout(t('airgap.bundle-completed', { dir: bundle.dir }));
      io.stdout(
        values.bundle || !values['key-id']
          ? onlineImportHint(io, facts?.onlineJournal, bundle)
          : consoleImportHint(io, values['key-id'], bundle),
      );
      io.stdout(mediaFolderLine(io, bundle.dir, 'online'));
      await pauseForTest(io, 'after-receipt');
      return 0;
    } catch (error) {
      const stopped = await air.abandon(problemCause(error)).catch(() => undefined);
      // After a stop the stop line says it (session-stop-lines.ts); printed here only for a failure.
      if (!io.interrupts?.stopping) {
        const translator = cliTranslator(io);
        for (const line of [...withdrawalLines(stopped, translator), ...resumeLines(stopped, translator, '--out')])
          io.stderr(line);
      }
      throw error;
    } finally {
      // The ceremony's stop handler stays until the journal is closed: a stop meanwhile is told the
      // ceremony's own state (finished: nothing to undo), never journaled as an interruption.
      await journal.close();
      unregisterStop();
    }
  },
});
