/**
 * `keyferry custody restore`: rebuild key material from M custody shares.
 *  - With --bundle: the restore ceremony on the air-gapped workstation (RestoreCeremony), for
 *    material that expired in the KMS: journaled, witnessed, the rebuilt material proven and
 *    wrapped for a fresh import-parameters bundle of the same key, with a receipt. No plaintext
 *    is written.
 *  - Without it: rebuild and prove only; --out writes the plaintext (mode 0600) for an HSM.
 */
import { ceremonyFactsOf } from '../../core/bundle/ceremony-facts';
import type { CeremonyFacts } from '../../core/bundle/import-parameters-manifest';
import { ceremonyTitle } from '../ceremony-title';
import { onlineImportHint } from '../command-line';
import path from 'node:path';
import { lstat } from 'node:fs/promises';
import { cliAppIdentity } from '../software-identity';
import { parseMaterialExpiry, type MaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { RestoreCeremony } from '../../core/ceremony/restore/workflow';
import { parseKeySpec } from '../../core/crypto/index';
import { describeMaterialCheck, type CustodyShare } from '../../core/custody/custody-share';
import { restoreMaterial } from '../../core/custody/restore';
import { KeyferryError, toProblem } from '../../core/errors';
import { writeFileExclusive } from '../../core/fs/durable-file';
import type { Journal } from '../../core/journal';
import { groupHex } from '../../core/hex-groups';
import { missingOption, parseCommandArgs } from '../args';
import { openCeremonyJournal } from '../ceremony-journal';
import { ceremonyReceiptLanguage, cliTranslator } from '../cli-locale';
import { custodyLine } from '../custody-line';
import { stopCeremonyOnInterrupt, withdrawalLines } from '../session-stop-lines';
import type { CliCommand, CliIo } from '../command';
import {
  confirmationLinesFromJournal,
  confirmGiven,
  confirmInteractively,
  parseWitnessConfirms,
  requireEveryWitness,
} from '../witness-confirmations';
import { badArguments, readShares, type ReadShare } from './custody-input';
import { backupFileFor, printBackup, printSetRestored, runSetProveOnly } from './custody-restore-set';
import { readBackupFile } from '../../core/custody/backup-text';
import { isSetShare } from '../../core/custody/set-share';
import type { HsmRestoreRequest } from '../../core/ceremony/restore/workflow';
import { HSM_OPTIONS, hsmSourceFromOptions } from '../hsm-source-options';
import { printHsmSource } from '../hsm-source-lines';
import type { ArtefactToConfirm } from '../../core/ceremony/airgap/witness-confirmations';

const NAME = 'custody restore';

export const RESTORE_USAGE = `Usage: keyferry ${NAME} --share FILE... [--typed FILE...] [--backup FILE] --bundle PARAMS_DIR --wrapped-out DIR
         --journal FILE --operator NAME --witness NAME... [--witness-confirms NAME=DIGEST...]
         [--presented-by INDEX=NAME...] [--expires never|ISO-TIME] [--receipt-dir DIR] [--title TEXT]
         [--allow-network]
   or: keyferry ${NAME} --hsm-module FILE --hsm-token LABEL|SERIAL [--hsm-pin-env VAR] [--hsm-journal FILE]
         --bundle PARAMS_DIR --wrapped-out DIR --journal FILE --operator NAME --witness NAME... [...]
   or: keyferry ${NAME} --share FILE... [--typed FILE...] [--backup FILE] [--out FILE|DIR]
         [--ceremony-id ID] [--key-id ID...] [--key-spec SPEC]

Material generated (or chosen) in an HSM by "airgap wrap --hsm-module" has no shares: its custody
copy is the token object, labelled "keyferry <ceremony> <key id>". The restore ceremony re-wraps
that same object inside the HSM for the fresh bundle, instead of presenting shares:
  --hsm-module FILE          the HSM's PKCS#11 library (keyferry hsm info)
  --hsm-token LABEL|SERIAL   the token; its serial must be the one the air-gapped journal recorded
  --hsm-pin-env VAR          the NAME of an environment variable holding the user PIN (read once,
                             then removed); without it the PIN is asked for, hidden. Never the PIN itself.
  --hsm-journal FILE         the air-gapped journal that recorded the material in the HSM (default:
                             --journal, when the restore continues that journal); its chain is verified
  --hsm-accept-zero-filled-pad  rehearsals only: accept a token whose CKM_AES_KEY_WRAP_PAD zero-fills
Each object is found by the label the journal recorded and must give the journaled key check value
or public-key SHA-256 (computed in the HSM); a missing or different object, another token, or shares
given with the HSM options are refused and journaled, and nothing is wrapped.

Shares of a ceremony custody set (share files of format 2, slips headed KEYFERRY SHARE V2; what
"airgap wrap --custody M/N" writes: one share per custodian for every key of the ceremony) restore
together with the ceremony's backup file:
  --backup FILE              keyferry-backup-<ceremony>.txt, a copy of which lies beside every share
                             file (the default: the one beside the first --share), or the backup
                             typed from its printout into a text file. Every key restores from it, or
                             only those named with --key-id (repeat). A backup of another ceremony, an
                             altered or truncated one is refused, naming the file or line; nothing is
                             restored unless every chosen key proves against its recorded check value.
Per-key shares (format 1, slips headed KEYFERRY SHARE V1) written by earlier versions still restore.

Rebuilds key material from at least M custody shares: share files (--share) and/or shares typed
from printed slips (--typed, one text file per slip), and proves it against the key check value
or public-key fingerprint recorded in every share. Fewer than M shares, shares of another
ceremony or key, a corrupted or repeated share: each is refused and nothing is written (with
--bundle, the journal records the refusal).

The restore ceremony (with --bundle), on the air-gapped workstation, when imported material
expired in the KMS (the key is back in Pending import and accepts only the same material):
  --bundle DIR               a fresh import-parameters bundle of the key (keyferry online params)
  --wrapped-out DIR          a new folder on the removable media for the wrapped-material bundle
  --journal FILE             the restore journal (created when new, continued when it exists): who
                             presented which share, the proof, the bundle; never a share
  --operator NAME, --witness NAME (repeat)   the people present; --title TEXT names the ceremony
                             (default: the bundle's title; a different one is refused)
  --witness-confirms NAME=DIGEST  the fresh import-parameters bundle digest as witness NAME typed
                             it after hearing it read aloud from the online workstation: once per
                             --witness (one value never counts for another person); without it on
                             a terminal, each witness is asked in turn and nobody can be skipped
  --confirm-fingerprint HEX  removed (one value was credited to every witness): refused,
                             use --witness-confirms
  --presented-by I=NAME      share I was handed over by NAME (default: its recorded custodian)
  --expires WHEN             requested AES material expiry: never (default) or an ISO date-time
  --receipt-dir DIR          where the receipt goes (default: the journal's folder)
  --allow-network            go on although a network is up (rehearsals only; journaled as a warning)
Then import it on the online workstation: the restore prints the complete online import command.
  --wrap-bundle, --expires-at   earlier names of --bundle and --expires: refused, naming the new ones

Without --bundle, nothing is written unless --out is given: then the material (AES: 32 raw
bytes; RSA/EC: PKCS#8 DER) goes to that new file, mode 0600, for handing to an HSM (set shares:
--out names a new folder that receives one <key id>.key file per restored key; if any write fails,
the folder is removed again).
--ceremony-id, --key-id and --key-spec refuse shares of anything else.`;

const OPTIONS = {
  share: { type: 'string', multiple: true },
  typed: { type: 'string', multiple: true },
  backup: { type: 'string' },
  out: { type: 'string' },
  'ceremony-id': { type: 'string' },
  'key-id': { type: 'string', multiple: true },
  'key-spec': { type: 'string' },
  bundle: { type: 'string' },
  'wrapped-out': { type: 'string' },
  journal: { type: 'string' },
  operator: { type: 'string' },
  witness: { type: 'string', multiple: true },
  title: { type: 'string' },
  'witness-confirms': { type: 'string', multiple: true },
  'confirm-fingerprint': { type: 'string', multiple: true },
  'presented-by': { type: 'string', multiple: true },
  expires: { type: 'string' },
  'receipt-dir': { type: 'string' },
  'allow-network': { type: 'boolean', default: false },
  'wrap-bundle': { type: 'string' },
  'expires-at': { type: 'string' },
  'hsm-module': HSM_OPTIONS['hsm-module'],
  'hsm-token': HSM_OPTIONS['hsm-token'],
  'hsm-pin-env': HSM_OPTIONS['hsm-pin-env'],
  'hsm-accept-zero-filled-pad': HSM_OPTIONS['hsm-accept-zero-filled-pad'],
  'hsm-journal': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

const CEREMONY_ONLY = [
  'wrapped-out',
  'journal',
  'operator',
  'witness',
  'title',
  'witness-confirms',
  'presented-by',
  'expires',
  'receipt-dir',
] as const;
const PROVE_ONLY = ['out', 'ceremony-id', 'key-id', 'key-spec'] as const;

const exists = (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** Refuses option mixes before any share is read. */
function checkMode(values: Values): void {
  if (values['hsm-module'] !== undefined) {
    if ((values.share ?? []).length + (values.typed ?? []).length > 0 || values.backup !== undefined)
      throw new KeyferryError('HSM_RESTORE_SHARES_PRESENTED', {});
    if (values.bundle === undefined) throw new KeyferryError('HSM_RESTORE_NEEDS_BUNDLE', {});
  } else if (values['hsm-journal'] !== undefined || values['hsm-token'] !== undefined) {
    throw new KeyferryError('HSM_OPTION_NEEDS_MODULE', {});
  }
  if (values['wrap-bundle'] !== undefined || values['expires-at'] !== undefined) {
    throw badArguments(
      NAME,
      '--wrap-bundle and --expires-at are now --bundle and --expires, and make a journaled restore ceremony (with --wrapped-out, --journal, --operator and --witness).',
    );
  }
  if (values['hsm-module'] === undefined && (values.share ?? []).length + (values.typed ?? []).length === 0) {
    throw badArguments(NAME, 'Give the shares with --share FILE (share files) and/or --typed FILE (typed slips).');
  }
  const given = (names: readonly string[]) =>
    names.filter((n) => values[n as keyof Values] !== undefined && values[n as keyof Values] !== false);
  if (values.bundle === undefined) {
    const stray = given(CEREMONY_ONLY);
    if (stray.length > 0)
      throw badArguments(NAME, `--${stray[0]} belongs to the restore ceremony: give --bundle PARAMS_DIR too.`);
    if (values['allow-network'])
      throw badArguments(NAME, '--allow-network belongs to the restore ceremony: give --bundle PARAMS_DIR too.');
    return;
  }
  const stray = given(PROVE_ONLY);
  if (stray.length > 0) {
    throw badArguments(
      NAME,
      `--${stray[0]} does not go with --bundle: the restore ceremony writes no plaintext, and the bundle names the key.`,
    );
  }
  for (const option of ['wrapped-out', 'journal', 'operator'] as const) {
    if (!values[option]) throw missingOption({ reason: 'withBundle', option: `--${option}`, command: NAME });
  }
  if (!values.witness?.length) throw missingOption({ reason: 'witness' });
}

/** `--presented-by 3=Dana` → Map(3 → "Dana"). */
function presentedByMap(entries: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const entry of entries) {
    const match = /^\s*(\d{1,2})\s*=\s*(.+)$/.exec(entry);
    if (!match)
      throw badArguments(NAME, `--presented-by "${entry.slice(0, 60)}" is not INDEX=NAME (e.g. 3=Dana Smith).`);
    const index = Number(match[1]);
    if (map.has(index)) throw badArguments(NAME, `--presented-by names share ${index} twice.`);
    map.set(index, (match[2] as string).trim());
  }
  return map;
}

async function runCeremony(
  values: Values,
  read: ReadShare[],
  io: CliIo,
  hsm: HsmRestoreRequest | null,
): Promise<number> {
  const rel = (p: string) => path.resolve(io.cwd, p);
  const wrappedOut = rel(values['wrapped-out'] as string);
  const expiry = values.expires ? parseMaterialExpiry(values.expires) : { kind: 'never' as const };
  const presentedBy = presentedByMap(values['presented-by'] ?? []);
  const witnesses = values.witness ?? [];
  try {
    if (await exists(wrappedOut)) throw new KeyferryError('OUTPUT_EXISTS', { what: 'wrappedOut', path: wrappedOut });
    // The fresh bundle carries the ceremony's title: refused before the journal if --title differs.
    const facts = await ceremonyFactsOf(rel(values.bundle as string));
    const title = ceremonyTitle(values.title, facts, 'Custody restore ceremony');
    const journal = await openCeremonyJournal(io.cwd, values.journal, true, io);
    try {
      return await ceremonySteps(values, read, io, journal, {
        wrappedOut,
        expiry,
        presentedBy,
        witnesses,
        hsm,
        title,
        facts,
      });
    } finally {
      await journal.close();
    }
  } finally {
    for (const r of read) r.share.share.dispose();
  }
}

interface CeremonyInputs {
  readonly wrappedOut: string;
  readonly expiry: MaterialExpiry;
  readonly presentedBy: ReadonlyMap<number, string>;
  readonly witnesses: readonly string[];
  readonly hsm: HsmRestoreRequest | null;
  readonly title: string;
  readonly facts: CeremonyFacts | undefined;
}

async function ceremonySteps(
  values: Values,
  read: ReadShare[],
  io: CliIo,
  journal: Journal,
  inputs: CeremonyInputs,
): Promise<number> {
  const rel = (p: string) => path.resolve(io.cwd, p);
  const { wrappedOut, expiry, presentedBy, witnesses, title, facts } = inputs;
  let restore: RestoreCeremony | undefined;
  let unregisterStop = () => undefined as void;
  try {
    restore = await RestoreCeremony.start({
      journal,
      title,
      operator: values.operator as string,
      witnesses,
      app: cliAppIdentity(io.env),
      receiptLanguage: ceremonyReceiptLanguage(io),
    });
    unregisterStop = stopCeremonyOnInterrupt(io, restore, journal.path);
    const network = await restore.checkNetwork({ allowNetwork: values['allow-network'] });
    const networkLine = cliTranslator(io).message(network.message);
    io.stdout(network.overridden ? networkLine : cliTranslator(io).t('network.checked', { summary: networkLine }));
    const overview = await restore.readParametersBundle(rel(values.bundle as string));
    io.stdout(
      `Import parameters of ceremony ${overview.ceremonyId} for key(s) ${overview.keys.map((k) => `${k.keyId} (${k.spec})`).join(', ')}`,
    );
    for (const warning of overview.warnings) io.stdout(`WARNING: ${warning}`);
    const receiptDir = rel(values['receipt-dir'] ?? path.dirname(journal.path));
    await restore.preflight({ wrappedBundle: wrappedOut, receiptFolder: receiptDir, materialExpiry: expiry });
    io.stdout(cliTranslator(io).t('cli.preflight-passed', { bundle: wrappedOut, receipts: receiptDir, custodians: 0 }));
    const confirmations = inputs.hsm
      ? await restoreFromToken(restore, inputs.hsm, io)
      : await restoreFromShares(restore, values, read, io, presentedBy);
    io.stdout(cliTranslator(io).t('witness.fingerprints.heading'));
    for (const a of confirmations) for (const k of a.fingerprints) io.stdout(`  ${k.grouped}   (key ${k.keyId})`);
    const fromSeq = journal.count + 1;
    const given = parseWitnessConfirms(values['witness-confirms']);
    if (given.length > 0) await confirmGiven(restore, given);
    else if (process.stdin.isTTY) await confirmInteractively(restore, io, process.stdin, true);
    requireEveryWitness(restore, io);
    for (const line of confirmationLinesFromJournal(journal, fromSeq, io)) io.stdout(line);
    await restore.wrapAll();
    const bundle = await restore.writeWrappedBundle(wrappedOut, { expiry });
    const { t } = cliTranslator(io);
    io.stdout(t('airgap.bundle-staged', { dir: bundle.dir }));
    io.stdout(`  bundle digest ${groupHex(bundle.manifestSha256)}`);
    io.stdout(`  ${custodyLine(t, bundle.custody)}`);
    const receipt = await restore.writeReceipt(receiptDir);
    io.stdout(`Receipt: ${receipt.htmlFile} (and ${path.basename(receipt.textFile)})`);
    io.stdout(t('airgap.bundle-completed', { dir: bundle.dir }));
    io.stdout(
      `Requested material expiry: ${expiry.kind === 'never' ? 'never' : expiry.at.toISOString()} (the online import uses it).`,
    );
    io.stdout(`No plaintext was written. ${onlineImportHint(facts?.onlineJournal, bundle)}`);
    return 0;
  } catch (error) {
    const stopped = await restore?.abandon(toProblem(error).message).catch(() => undefined);
    for (const line of withdrawalLines(stopped, cliTranslator(io))) io.stderr(line);
    throw error;
  } finally {
    unregisterStop();
  }
}

/** Presents the shares (and a set's backup), rebuilds and proves the material; what the witnesses confirm. */
async function restoreFromShares(
  restore: RestoreCeremony,
  values: Values,
  read: ReadShare[],
  io: CliIo,
  presentedBy: ReadonlyMap<number, string>,
): Promise<readonly ArtefactToConfirm[]> {
  const backupFile = backupFileFor(values, read, io);
  while (read.length > 0) {
    const { share, source, file } = read.shift() as ReadShare;
    const presented = await restore.presentShare(share, presentedBy.get(share.index) ?? share.custodian, source);
    io.stdout(
      `  share ${presented.shareIndex} of ${presented.total} (custodian ${presented.custodian}) presented by ${presented.presentedBy} from ${source === 'file' ? path.basename(file) : `typed slip ${path.basename(file)}`}`,
    );
  }
  if (backupFile) {
    const backup = await readBackupFile(backupFile);
    await restore.presentBackup(backup, path.basename(backupFile));
    printBackup(io, backup, backupFile);
  }
  const restored = await restore.restore();
  if (restored.keys) printSetRestored(io, restored.splitCeremonyId, restored.shareIndexes, restored);
  else
    io.stdout(
      `Rebuilt ${restored.spec} key material of key ${restored.keyId} from shares ${restored.shareIndexes.join(', ')} of ${restored.total} (${restored.threshold} needed).`,
    );
  io.stdout(restored.proof);
  return restored.confirmations;
}

/** Finds the journaled token objects in the HSM and proves them; what the witnesses confirm. */
async function restoreFromToken(
  restore: RestoreCeremony,
  request: HsmRestoreRequest,
  io: CliIo,
): Promise<readonly ArtefactToConfirm[]> {
  const restored = await restore.restoreFromHsm(request);
  const { t, message } = cliTranslator(io);
  printHsmSource(io, { token: restored.token, reports: restored.capability });
  for (const k of restored.keys) {
    const check = k.publicKeyFingerprint
      ? `public key SHA-256 ${groupHex(k.publicKeyFingerprint)}`
      : `KCV ${k.keyCheckValue ?? ''}`;
    io.stdout(t('hsm.cli.recalled', { keyId: k.keyId, spec: k.spec, label: k.objectLabel, check, seq: k.recordedSeq }));
  }
  io.stdout(message(restored.proof));
  return restored.confirmations;
}

async function runProveOnly(values: Values, read: ReadShare[], io: CliIo): Promise<number> {
  const setShares = read.map((r) => r.share).filter(isSetShare);
  if (setShares.length > 0) return runSetProveOnly(values, read, setShares, io);
  const keyIds = values['key-id'] ?? [];
  if (keyIds.length > 1) throw badArguments(NAME, '--key-id is given once for per-key shares (format 1).');
  if (values.backup !== undefined)
    throw badArguments(NAME, '--backup goes with shares of a ceremony custody set (format 2), not per-key shares.');
  const shares = read.map((r) => r.share).filter((s): s is CustodyShare => !isSetShare(s));
  try {
    const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
    if (out && (await exists(out))) {
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
      io.stdout(
        `Rebuilt ${first.spec} key material of key ${first.keyId} (ceremony ${first.ceremonyId}) from ${shares.length} of ${first.n} shares (${first.m} needed):`,
      );
      for (const s of [...shares].sort((a, b) => a.index - b.index))
        io.stdout(`  share ${s.index} of ${s.n}, custodian ${s.custodian}`);
      io.stdout(
        `Proof: the rebuilt material's ${describeMaterialCheck(first.materialCheck)} matches the value recorded in every share.`,
      );
      if (!out) {
        io.stdout(
          'No plaintext file was written (give --out FILE to hand the material to an HSM, or --bundle DIR to wrap it for a re-import).',
        );
        return 0;
      }
      const written = await material.secret.use((bytes) => writeFileExclusive(out, bytes, { mode: 0o600 }));
      io.stdout(
        `Wrote ${written.path} (${written.size} bytes, mode 0600): ${first.spec === 'AES_256' ? 'the raw 32-byte AES key' : 'the private key as PKCS#8 DER'}.`,
      );
      io.stdout('This file is plaintext key material: hand it to the HSM, then destroy it.');
      return 0;
    } finally {
      material.dispose();
    }
  } finally {
    for (const share of shares) share.share.dispose();
  }
}

export const custodyRestoreCommand: CliCommand = {
  name: NAME,
  summary: 'Rebuild key material from M custody shares; with --bundle, the restore ceremony for a re-import',
  usage: RESTORE_USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(NAME, args, OPTIONS);
    if (values['confirm-fingerprint']) throw new KeyferryError('CLI_CONFIRM_FINGERPRINT_REPLACED');
    checkMode(values);
    if (values.bundle !== undefined && values.expires) parseMaterialExpiry(values.expires);
    presentedByMap(values['presented-by'] ?? []);
    const hsm = await hsmSourceFromOptions(values, io, []);
    if (hsm) {
      const journalFile = values['hsm-journal'];
      return runCeremony(values, [], io, {
        modulePath: hsm.modulePath,
        token: hsm.token,
        pin: hsm.pin,
        acceptZeroFilledPad: hsm.acceptZeroFilledPad ?? false,
        ...(journalFile === undefined ? {} : { airGapJournal: path.resolve(io.cwd, journalFile) }),
      });
    }
    const read = await readShares(values.share ?? [], values.typed ?? [], io.cwd);
    return values.bundle === undefined ? runProveOnly(values, read, io) : runCeremony(values, read, io, null);
  },
};
