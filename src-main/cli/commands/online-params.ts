/** `keyferry online params`: fetch wrapping keys and import tokens, write the import-parameters bundle and print its digest. */
import path from 'node:path';

import { cliTranslator } from '../cli-locale';
import { cliDate, cliWarnings, placeColumns } from '../cli-text';
import { bundleOnMedia, mediaFolderLine } from '../command-line';
import { reimportNextLines } from './online-reimport';

import { requireOption } from '../args';
import type { CliIo } from '../command';
import { openOnlineSession } from '../online-session';

import {
  airgapWrapCommand,
  defineOnlineCommand,
  nextOnline,
  parametersRound,
  printCreateRefusal,
  withSession,
} from './online-steps';
import { KeyferryError } from '../../core/errors';
import { listItems } from '../../i18n/list';
import { refusalLine } from '../run-cli';
import { pauseForTest } from '../test-pause';
import { abortWriteOnStop, leaveToTheStop } from '../stoppable-write';
import { ceremonyAirGapJournal } from '../../core/ceremony/online/wrapped-bundle-makers';
import { ONLINE_EVENTS, wrappedCheckedData } from '../../core/ceremony/online/events';
import type { JournalEntry } from '../../core/journal';
import { exposureRefusals } from '../../core/ceremony/online/exposed-material';
import { journalIdentity } from '../../i18n/made-by-line';
import { parseWrappingAlgorithm } from '../../core/crypto/key-spec';

/**
 * The import-parameters bundle digest, set apart so it can be read aloud: on the air-gapped
 * workstation every witness types it back (it binds every wrapping key and token in the bundle).
 */
function parametersDigestBlock(io: CliIo, grouped: string): string[] {
  const groups = grouped.split(' ');
  const rule = '='.repeat(72);
  return [
    rule,
    cliTranslator(io).t('params.digest.heading'),
    '',
    `    ${groups.slice(0, 8).join(' ')}`,
    `    ${groups.slice(8).join(' ')}`,
    rule,
  ];
}

/**
 * Runs the bundle write `write` so that a stop (Ctrl-C) while it writes starts no further file and
 * removes what it wrote (core write-bundle.ts), and says so before the stop's line: a folder left
 * half-written was not named, and the same `--out` was then refused as not empty.
 */
async function writeStoppably<T>(io: CliIo, dir: string, write: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stoppable = abortWriteOnStop(io, (context, failure) => {
    if (!(failure instanceof KeyferryError) || failure.code !== 'BUNDLE_WRITE_FAILED') return;
    const { values } = failure;
    context.before.push(
      cliTranslator(io).t('online.params.stopped-writing', {
        dir,
        cleanup: String(values?.['cleanup'] ?? 'removed'),
        leftoversList: (values?.['leftoversList'] as string | undefined) ?? '',
      }),
    );
  });
  try {
    return await stoppable.writing(write(stoppable.signal));
  } catch (error) {
    // Stopped: the stop's handlers journal the stop, close the journal and end the process. The
    // command must not unwind meanwhile (its session would close the journal under them, leaving
    // the lock behind): it waits for the end.
    await leaveToTheStop(stoppable.signal);
    throw error;
  } finally {
    stoppable.unregister();
  }
}

/**
 * From the moment the bundle stands (journaled and verified), a stop changes nothing and must not
 * send the officer to fetch again (new tokens would make this bundle stale): it waits (a few seconds
 * at most) until the digest and the Next lines are printed, journals no interruption, and ends 0.
 * Registered before the write, so a stop that came while the write was finishing hears it too (a
 * trial's stop then printed "nothing it was doing counts as done" under the verified bundle).
 */
function bundleStandsOnStop(io: CliIo, journal: string): { stands(dir: string): void; printed(): void } {
  let dir: string | undefined;
  let printed!: () => void;
  const allPrinted = new Promise<void>((resolve) => (printed = resolve));
  io.interrupts?.onStop(async (stop) => {
    if (dir === undefined) return;
    await Promise.race([allPrinted, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    stop.journaled = true;
    stop.completed = true;
    stop.line ??= cliTranslator(io).t('cli.stopped-params-written', { signal: stop.signal, dir, journal });
  });
  return { stands: (written) => void (dir = written), printed };
}

/** What the officer fills in (pasted unchanged, `M/N` is refused before anything happens). */
const CUSTODY_TO_FILL_IN = ['--custody', 'M/N', '--custodian', 'NAME', '--custodian-folder', 'DIR'];

/**
 * The HSM token holding the material of `keyIds` when the wrapped bundle checked last that carries
 * any of them recorded an HSM token as its custody copy (the material generated there): the token's
 * label (else serial) and the check's journal entry. Undefined otherwise (then the wrap makes material).
 */
function hsmMaterialOf(entries: readonly JournalEntry[], keyIds: readonly string[]) {
  const check = entries.findLast(
    (e) =>
      e.event === ONLINE_EVENTS.wrappedChecked &&
      wrappedCheckedData.safeParse(e.data).data?.keys.some((k) => keyIds.includes(k.keyId)),
  );
  const custody = check ? wrappedCheckedData.safeParse(check.data).data?.custody : undefined;
  if (!check || custody?.kind !== 'hsm-token') return undefined;
  return { token: custody.label.trim() || custody.serial.trim(), seq: check.seq };
}

/**
 * The custody words for a wrap of new material when the last wrap of any of `keyIds` this journal
 * saw kept a custody set: new material is split again like it. A wrapped bundle checked here gives
 * its M/N and, when it names every holder, their names; a bundle refused as exposed (its set is to
 * be destroyed, and its manifest is not to be believed) gives the reminder with M/N to fill in.
 * Undefined when no such wrap was seen (a trial followed the line without --custody and made new
 * material with no copy, in a ceremony that began with 2/3).
 */
function custodyLikeEarlierWrap(
  entries: readonly JournalEntry[],
  keyIds: readonly string[],
): { readonly words: readonly string[]; readonly repeated: boolean } | undefined {
  const exposedAt = new Map(exposureRefusals(entries).map((r) => [r.seq, r]));
  const last = entries.findLast((e) => {
    if (e.event === ONLINE_EVENTS.wrappedChecked)
      return wrappedCheckedData.safeParse(e.data).data?.keys.some((k) => keyIds.includes(k.keyId)) === true;
    return exposedAt.get(e.seq)?.keys.some((k) => keyIds.includes(k.keyId)) === true;
  });
  if (!last) return undefined;
  const exposed = exposedAt.get(last.seq);
  if (exposed) return exposed.custodySet === null ? undefined : { words: CUSTODY_TO_FILL_IN, repeated: false };
  const custody = wrappedCheckedData.safeParse(last.data).data?.custody;
  if (custody?.kind !== 'shares') return undefined;
  const named = custody.custodians.length === custody.total ? custody.custodians : [];
  const words = [
    '--custody',
    `${custody.threshold}/${custody.total}`,
    ...Array.from({ length: custody.total }, (_, i) => [
      '--custodian',
      named[i] ?? 'NAME',
      '--custodian-folder',
      'DIR',
    ]).flat(),
  ];
  return { words, repeated: true };
}

/** Whether this journal saw a wrapped bundle of the ceremony at all (checked, or refused). */
function sawWrappedBundle(entries: readonly JournalEntry[]): boolean {
  return entries.some((e) => e.event === ONLINE_EVENTS.wrappedChecked || e.event === ONLINE_EVENTS.wrappedRefused);
}

export const paramsCommand = defineOnlineCommand({
  name: 'online params',
  synopsis: ['--journal FILE --out DIR [--key-id ID]... [--wrapping-algorithm ALG] [connection options]'],
  options: {
    out: { type: 'string', arg: 'DIR', help: 'cli.opt.online-params.out' },
    'key-id': { type: 'string', multiple: true, arg: 'ID', help: 'cli.opt.online-params.key-id' },
    'wrapping-algorithm': { type: 'string', arg: 'ALG', help: 'cli.opt.online-params.wrapping-algorithm' },
  },
  async run({ values }, io) {
    const typedOut = requireOption('online params', values.out, '--out');
    const out = path.resolve(io.cwd, typedOut);
    const algorithm = values['wrapping-algorithm'];
    const wrappingAlgorithm = algorithm === undefined ? undefined : parseWrappingAlgorithm(algorithm);
    const keyIds = values['key-id'];
    // The folder is checked before any KMS call: a refusal after the fetch would leave fresh tokens unused.
    const session = await openOnlineSession(values, io, undefined, {
      beforeConnect: (ceremony) => ceremony.preflightParametersBundle(out),
    });
    return withSession(session, async () => {
      const before = session.journal.count;
      let issued;
      try {
        issued = await session.ceremony.fetchParameters({
          ...(wrappingAlgorithm ? { wrappingAlgorithm } : {}),
          ...(keyIds ? { keyIds } : {}),
        });
      } catch (error) {
        // Nothing created because the create was refused: that refusal, not "create the keys first" (a re-trial).
        if (
          error instanceof KeyferryError &&
          error.code === 'CEREMONY_STEP_OUT_OF_ORDER' &&
          printCreateRefusal(io, session)
        )
          return 1;
        // Part of a replica group chosen, refused before any fetch: the refusal, then the command for the whole group.
        if (error instanceof KeyferryError && error.code === 'PARAMETERS_CHOICE_SPLITS_GROUP') {
          io.stderr(refusalLine(io, 'online params', error));
          const ids = listItems(error.values?.['keyIdsList']) ?? [];
          const extra = wrappingAlgorithm ? ['--wrapping-algorithm', wrappingAlgorithm] : [];
          const words = [...ids.flatMap((id) => ['--key-id', id]), '--out', typedOut, ...extra];
          io.stdout(`  ${nextOnline('params', values, words)}`);
          return 1;
        }
        if (!(error instanceof KeyferryError) || error.code !== 'PARAMETERS_MATERIAL_SOURCES_DIFFER') throw error;
        // Refused before any fetch: the refusal, then one complete command per source of material.
        io.stderr(refusalLine(io, 'online params', error));
        const { t } = cliTranslator(io);
        io.stdout(t('online.params.one-source-each'));
        session.ceremony.materialSourcesOf().forEach((source, i) => {
          // A folder of its own each, named after the one given (`params/` gives params-1, params-2).
          const folder = `${typedOut.replace(/[\\/]+$/, '')}-${i + 1}`;
          const words = [...source.keyIds.flatMap((id) => ['--key-id', id]), '--out', folder];
          const extra = wrappingAlgorithm ? ['--wrapping-algorithm', wrappingAlgorithm] : [];
          io.stdout(`  ${i + 1}. ${nextOnline('params', values, [...words, ...extra])}`);
        });
        return 1;
      }
      const standing = bundleStandsOnStop(io, session.journal.path);
      const written = await writeStoppably(io, out, async (signal) => {
        const bundle = await session.ceremony.writeParametersBundle(out, signal);
        standing.stands(bundle.dir);
        // A stop here comes while the write is finishing: the command still prints what follows.
        await pauseForTest(io, 'parameters-bundle-verified', signal);
        return bundle;
      });
      try {
        const { t } = cliTranslator(io);
        // Another wrapping algorithm than the plan's (e.g. OAEP with SHA-1 for an HSM) is said on screen, not only on paper.
        const chosen = session.journal.entries.find(
          (e) => e.seq > before && e.event === ONLINE_EVENTS.wrappingAlgorithmChosen,
        );
        if (chosen)
          io.stdout(
            t('online.params.algorithm-changed', {
              from: String(chosen.data.from),
              to: String(chosen.data.to),
              seq: chosen.seq,
            }),
          );
        io.stdout(t('params.fingerprints.heading'));
        // In the tables' order: each replica group's replicas under their primary.
        for (const k of placeColumns(io, session.ceremony.keys()).grouped(issued)) {
          const until = cliDate(io, k.tokenExpiresAt);
          const replica = k.replicaRegion === undefined ? 'no' : 'yes';
          io.stdout(
            t('online.params.key', {
              alias: k.alias,
              spec: k.spec,
              keyId: k.keyId,
              until,
              replica,
              region: k.replicaRegion ?? '',
            }),
          );
          io.stdout(`    ${k.wrappingKeyFingerprintGrouped}`);
        }
        cliWarnings(io, written.warnings).forEach((line) => io.stdout(line));
        io.stdout(t('online.params.written', { dir: written.dir }));
        for (const line of parametersDigestBlock(io, written.manifestSha256Grouped)) io.stdout(line);
        // No key takes this bundle (the bundle plan, warned above): a wrap checked here and not imported
        // holds its keys, or a wrap of it would split a replica group; online status prints what is next.
        // Said before any restore or wrap of it, which the warning above says never to make.
        const plan = session.ceremony.bundlePlan();
        if (plan.destroy.some((d) => d.manifestSha256 === written.manifestSha256)) {
          const wrapped = plan.takes.some(
            (taken) => taken.wrap !== null && taken.keyIds.some((id) => written.keyIds.includes(id)),
          );
          io.stdout(
            t('online.next.bundle-not-taken', {
              dir: written.dir,
              why: wrapped ? 'wrap' : 'fresh',
              command: nextOnline('status', values),
            }),
          );
          standing.printed();
          await pauseForTest(io, 'after-parameters-bundle');
          return 0;
        }
        // Keys that held imported material take only that material again: custody restore, not fresh material.
        // The next command reads the bundle on the air-gapped workstation, which mounts the media elsewhere.
        const onMediaDir = bundleOnMedia(written.dir);
        const mediaFolder = mediaFolderLine(io, written.dir, 'airgap');
        const reimport = reimportNextLines(io, session, onMediaDir, written);
        if (reimport.length > 0) {
          for (const line of [...reimport, mediaFolder]) io.stdout(line);
          standing.printed();
          await pauseForTest(io, 'after-parameters-bundle');
          return 0;
        }
        // AES material the plan lets expire is generated only with a copy kept (or its loss acknowledged): say so.
        const expiring = Object.values(written.materialExpiries)
          .filter((at) => at !== 'never')
          .sort();
        // Material an earlier wrap made in an HSM token, none of it imported: wrapped again from the token.
        const inToken = hsmMaterialOf(session.journal.entries, written.keyIds);
        const repeated = custodyLikeEarlierWrap(session.journal.entries, written.keyIds);
        const custody = inToken
          ? ['--hsm-module', 'PKCS11-MODULE', '--hsm-token', inToken.token, '--hsm-existing-keys']
          : (repeated?.words ?? (expiring.length > 0 ? CUSTODY_TO_FILL_IN : []));
        // A later round wraps in the journal of the earlier wraps (it knows them and their custody set), named when known.
        const earlier = ceremonyAirGapJournal(session.journal.entries);
        // The plan's expiry already past by the KMS's clock (warned above): the wrap needs one further ahead.
        const pastByKms = written.warnings.some((w) => w.code === 'MATERIAL_EXPIRY_PAST_BY_KMS');
        const command = airgapWrapCommand(
          session,
          onMediaDir,
          [...custody, ...(pastByKms ? ['--expires', 'EXPIRY'] : [])],
          earlier?.file,
        );
        io.stdout(t(inToken ? 'online.next.airgap-wrap-hsm' : 'online.next.airgap-wrap', { command, ...inToken }));
        io.stdout(mediaFolder);
        if (earlier || parametersRound(session) > 1)
          io.stdout(
            t('online.next.same-airgap-journal', {
              known: earlier ? 'yes' : sawWrappedBundle(session.journal.entries) ? 'unproven' : 'no',
              journal: earlier?.file ?? '',
              firstEntry: earlier ? journalIdentity(earlier.firstEntrySha256) : '',
            }),
          );
        if (expiring[0] !== undefined && !inToken)
          io.stdout(
            t('online.next.airgap-wrap-expiring', {
              count: expiring.length,
              at: Date.parse(expiring[0]),
              custody: repeated?.repeated ? 'repeated' : 'fill',
            }),
          );
        standing.printed();
        await pauseForTest(io, 'after-parameters-bundle');
        return 0;
      } finally {
        standing.printed();
      }
    });
  },
});
