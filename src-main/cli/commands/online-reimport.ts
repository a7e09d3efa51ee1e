/**
 * The next step after `online params` for keys whose material was imported before (it lapsed or was
 * deleted): the KMS takes only that same material again (fresh material is refused, KMS.2606, and
 * `online import` refuses it earlier, WRAPPED_MATERIAL_NOT_THE_IMPORTED), so the way on is the
 * ceremony's custody copy: `custody restore` from the shares or the HSM token, or, when no custody
 * copy was taken, the original material, said plainly.
 */
import { custodySetValues } from '../../core/ceremony/online/recorded-custody';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';
import type { JournalEntry } from '../../core/journal';
import type { JournaledKey, WrittenParametersBundle } from '../../core/ceremony/online/types';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import { commandLine } from '../command-line';
import type { OnlineSession } from '../online-session';
import { ceremonyAirGapJournal } from '../../core/ceremony/online/wrapped-bundle-makers';
import { airgapWrapCommand, hsmRestoreWords, parametersRound, roundName, wrappedBesideBundle } from './online-steps';
import { listValue } from '../../i18n/list';

/** Whether the ceremony asked for a material expiry (so a restore must choose one again). */
function hadExpiry(entries: readonly JournalEntry[]): boolean {
  const started = entries.find((e) => e.event === ONLINE_EVENTS.started);
  const expiry = started?.data.expiry;
  return typeof expiry === 'string' && expiry !== 'never';
}

/**
 * Whether the original expiry of every key of `own` has passed: its material lapsed in the KMS, or
 * the expiry recorded at its import is behind this computer's clock. `--expires original` would then
 * be refused by the restore, so the printed line does not offer it.
 */
function originalPassed(keys: readonly JournaledKey[], own: readonly string[]): boolean {
  const now = Date.now();
  return (
    own.length > 0 &&
    own.every((id) => {
      const key = keys.find((k) => k.keyId === id);
      return !!key && (key.lapsed || (key.expiresAt !== null && Date.parse(key.expiresAt) <= now));
    })
  );
}

/**
 * Of the keys `round` (a restore's), those in a replica group with a member outside the round that
 * holds its material (imported, not lost): the restored material must keep that member's expiry.
 */
function keysKeepingGroupExpiry(
  keys: readonly Pick<JournaledKey, 'keyId' | 'replicaOf' | 'imported' | 'lapsed' | 'deleted'>[],
  round: readonly string[],
): string[] {
  const groupOf = (k: Pick<JournaledKey, 'keyId' | 'replicaOf'>) => k.replicaOf ?? k.keyId;
  const holding = new Set(
    keys.filter((k) => !round.includes(k.keyId) && k.imported && !k.lapsed && !k.deleted).map(groupOf),
  );
  return keys.filter((k) => round.includes(k.keyId) && holding.has(groupOf(k))).map((k) => k.keyId);
}

/**
 * Lines naming the way on for the keys of the new bundle `dir` (`written`) that take material
 * imported before: their own (`importedBefore`), or their replica group's (`takingGroupMaterial`); empty when
 * there is none (then `airgap wrap` with fresh material is right).
 */
export function reimportNextLines(
  io: CliIo,
  session: OnlineSession,
  dir: string,
  written: Pick<WrittenParametersBundle, 'importedBefore' | 'takingGroupMaterial'>,
): string[] {
  const own = written.importedBefore;
  const ofGroup = written.takingGroupMaterial;
  const before = [...own.map((keyId) => ({ keyId })), ...ofGroup];
  if (before.length === 0) return [];
  const { t } = cliTranslator(io);
  const { ceremonyId, operator, witnesses } = session.ceremony;
  const entries = session.journal.entries;
  const round = parametersRound(session);
  // A member of a replica group whose other members still hold this material keeps their expiry:
  // the bundle requests it as each key's original, so the restore says original, not a choice.
  const groupKeys = keysKeepingGroupExpiry(session.ceremony.keys(), [...own, ...ofGroup.map((k) => k.keyId)]);
  const expiry = !hadExpiry(entries)
    ? 'no'
    : groupKeys.length > 0
      ? 'group'
      : originalPassed(session.ceremony.keys(), own)
        ? 'passed'
        : 'yes';
  const ceremonyWords = [
    '--bundle',
    dir,
    '--wrapped-out',
    wrappedBesideBundle(session, dir),
    '--journal',
    roundName(`restore-${ceremonyId}`, round) + '.jsonl',
    '--operator',
    operator,
    ...witnesses.flatMap((w) => ['--witness', w]),
    ...(expiry === 'no' ? [] : ['--expires', expiry === 'group' ? 'original' : 'EXPIRY']),
  ];
  // The custody copy recorded at the import of the material they take: their own, or their group's holder's.
  const custody = session.ceremony.importedCustody(...own, ...ofGroup.map((k) => k.holder))?.arrangement ?? null;
  const why = [
    ...(own.length > 0 ? [t('online.reimport.why', { count: own.length, keysList: listValue(own) })] : []),
    ...ofGroup.map((k) =>
      t('online.reimport.why-group', {
        keyId: k.keyId,
        holder: k.holder,
        // A replica whose primary holds the material, else a primary (or replica) whose fellow replica does.
        holderIs:
          session.ceremony.keys().find((key) => key.keyId === k.keyId)?.replicaOf === k.holder
            ? 'itsPrimary'
            : 'another',
      }),
    ),
  ];
  const restore = ['keyferry', 'custody', 'restore'];
  if (custody?.kind === 'shares') {
    const shares = Array.from({ length: custody.threshold }, (_, i) => ['--share', `SHARE-${i + 1}`]).flat();
    const command = commandLine([...restore, ...shares, ...ceremonyWords]);
    return [
      ...why,
      t('online.next.custody-restore', {
        m: custody.threshold,
        n: custody.total,
        ...custodySetValues(custody),
        expiry,
        groupKeysList: listValue(groupKeys),
        command,
      }),
    ];
  }
  if (custody?.kind === 'hsm-token') {
    const token = custody.serial || custody.label;
    const hsm = hsmRestoreWords(token, ceremonyAirGapJournal(entries)?.file);
    const command = commandLine([...restore, ...hsm, ...ceremonyWords]);
    return [
      ...why,
      t('online.next.hsm-restore', {
        token: token || '-',
        expiry,
        groupKeysList: listValue(groupKeys),
        command,
      }),
    ];
  }
  const keyId = before.length === 1 ? (before[0]?.keyId ?? 'KEY-ID') : 'KEY-ID';
  const command = airgapWrapCommand(session, dir, ['--material', 'ORIGINAL-MATERIAL-FILE', '--key-id', keyId]);
  return [
    ...why,
    t('online.next.original-material', { source: custody?.kind === 'material-files' ? 'files' : 'none', command }),
  ];
}
