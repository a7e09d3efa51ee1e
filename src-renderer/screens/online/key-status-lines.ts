/**
 * The lines the key states' facts say (KeyStatusFacts.tsx), one per fact of the answer's `next`, in
 * the order `online status` prints them, with the app's own step names where the command line names
 * commands. A pure function of the answer, so tests read exactly what the screen shows.
 */
import type { Response } from '../../../src-main/ipc/contract';
import { listText } from '../../../src-main/i18n/list';
import type { Translator } from '../../../src-main/i18n/translate';
import {
  missingTokensValues,
  namedKeys,
  unprovenAnswers,
  wrapRefusedValues,
} from '../../../src-main/i18n/import-stopped-summary';
import { ceremonyStateValue } from '../../../src-main/i18n/ceremony-state';
import { neverOrMoment } from '../../../src-main/i18n/moment';
import { groupMaterialValues } from '../../../src-main/i18n/group-material-values';

type KeyStatus = Response<'keyStatus'>;
type Refused = KeyStatus['next']['missingRefused'];

/**
 * A refused import's values, as the lines below say it (none: 'no'); a refusal of Keyferry's own
 * went by the ceremony's `clock` (a rehearsal's simulator's, not this computer's).
 */
function refusedValues(tr: Translator, refused: Refused, clock: KeyStatus['clock']) {
  return {
    refused: refused?.kind ?? 'no',
    refusedSeq: refused?.refusedSeq ?? 0,
    code: refused?.code ?? '',
    by: refused?.by === 'kms' ? 'kms' : clock,
    folder: refused?.folder ?? '',
    seq: refused?.seq ?? 0,
    held: refused?.heldIso ? neverOrMoment(tr, refused.heldIso) : '',
  };
}

/** One line per fact of `status.next` (see above); `total`: how many keys the ceremony has. */
export function keyStatusLines(tr: Translator, { next, clock }: KeyStatus, total: number): string[] {
  const { t } = tr;
  const named = (keys: Parameters<typeof namedKeys>[1]) => namedKeys(tr, keys);
  return [
    ...next.deleted.map((k) => t('status.next.deleted', { key: named([k]), round: k.round, ...k.custody })),
    ...next.lapsed.map((k) =>
      t('status.next.lapsed', {
        key: named([k]),
        round: k.round,
        expires: k.expiresAt === null ? '-' : neverOrMoment(tr, k.expiresAt),
        ...k.custody,
      }),
    ),
    ...next.rounds.map((r) =>
      r.stage === 'wrap'
        ? t('status.next.round-wrap', {
            keys: named(r.keys),
            count: r.keys.length,
            folder: r.folder,
            ...r.custody,
            custodySeq: r.custody.seq,
            seq: r.seq,
          })
        : // Its import refused for its expiry, or its group's held one: another expiry, not the same import.
          t('status.next.round-import', {
            ...refusedValues(tr, r.refused, clock),
            keys: named(r.keys),
            folder: r.folder,
            seq: r.seq,
          }),
    ),
    ...next.notTaken.map((r) =>
      t('status.next.unrecorded-not-taken', {
        keys: named(r.keys),
        count: r.keys.length,
        folder: r.folder,
        seq: r.seq,
      }),
    ),
    ...(next.sentUnrecorded.keys.length > 0
      ? [
          t('status.next.unrecorded-imports', {
            keys: named(next.sentUnrecorded.keys),
            count: next.sentUnrecorded.keys.length,
            bundles: next.sentUnrecorded.folders.length === 0 ? 'none' : listText(tr, next.sentUnrecorded.folders),
          }),
        ]
      : []),
    ...(next.unproven.keys.length > 0
      ? [
          t('status.next.unproven-imports', {
            count: next.unproven.keys.length,
            answers: unprovenAnswers(tr, next.unproven.keys),
            bundles: next.unproven.folders.length === 0 ? 'none' : listText(tr, next.unproven.folders),
          }),
        ]
      : []),
    ...next.answeredNotTaken.map((g) =>
      t('status.next.answered-not-taken', {
        count: g.keys.length,
        answers: unprovenAnswers(tr, g.keys),
        folder: g.folder ?? 'none',
      }),
    ),
    ...(next.foreign.length > 0
      ? [t('online.status.foreign-imports', { keys: named(next.foreign), count: next.foreign.length })]
      : []),
    ...(next.proveFirst
      ? [
          t('status.next.prove-first', {
            proveCount: next.proveFirst.prove.length,
            prove: named(next.proveFirst.prove),
            lostCount: next.proveFirst.lost.length,
            lost: named(next.proveFirst.lost),
            statePhrase: ceremonyStateValue(next.proveFirst.step),
          }),
        ]
      : []),
    ...(next.missing.length > 0
      ? [
          t('status.next.partly-imported', {
            keys: named(next.missing),
            count: next.missing.length,
            total,
            groups: next.groups ? 'yes' : 'no',
            clock,
            ...missingTokensValues(next.missingTokens),
            ...refusedValues(tr, next.missingRefused, clock),
            // Fresh parameters written for them since: the wrap of that bundle, not the same import again.
            wrap: next.missingWrap ? (next.missingWrap.blocked ? 'blocked' : 'yes') : 'no',
            dir: next.missingWrap?.folder ?? '',
            dirSeq: next.missingWrap?.seq ?? 0,
            since: next.missingWrap?.since === false ? 'no' : 'yes',
            ...wrapRefusedValues(tr, next.missingWrap?.refused ?? null, 'app'),
          }),
        ]
      : []),
    // Before any import: the step it waits for, and a refusal of the wrap written last that the same import would meet.
    ...(next.beforeImport
      ? [
          t('status.next.nothing-imported', {
            statePhrase: ceremonyStateValue(next.beforeImport.step),
            ...refusedValues(tr, next.beforeImport.refused, clock),
          }),
          // A wrap refused as exposed: new material, never a restore of it (what online status says).
          ...(next.beforeImport.exposed
            ? [
                t('status.next.exposed', {
                  folder: next.beforeImport.exposed.folder,
                  seq: next.beforeImport.exposed.seq,
                  set: next.beforeImport.exposed.setTag === null ? 'none' : 'named',
                  setTag: next.beforeImport.exposed.setTag ?? '',
                  parameters: next.beforeImport.exposed.parametersAfter ? 'written' : 'first',
                }),
              ]
            : []),
          // Bundles of the same keys from online params for some keys only: the plan online status says too.
          ...(next.beforeImport.plan ? planLines(tr, next.beforeImport.plan) : []),
        ]
      : []),
    // Their tokens lapsed: a key taking its group's material is restored from the holder's custody copy.
    ...next.groupMaterial.map((g) =>
      t('status.next.group-material', groupMaterialValues(tr, g.member, g.holder, g.custody)),
    ),
  ];
}

type BundlePlanToSay = NonNullable<NonNullable<Response<'keyStatus'>['next']['beforeImport']>['plan']>;

/**
 * The bundle plan (core/ceremony/online/bundle-plan.ts): which bundles no key takes (destroyed),
 * which keys are fetched anew, then each bundle a waiting key takes, to wrap or whose wrap to import.
 */
function planLines(tr: Pick<Translator, 't'>, plan: BundlePlanToSay): string[] {
  const { t } = tr;
  return [
    t('status.next.bundle-plan', {
      takes: plan.takes.length,
      destroy: plan.destroy.length,
      destroyList: listText(
        tr,
        plan.destroy.map((d) => `${d.folder} (${d.digest})`),
      ),
      fresh: plan.fresh.length,
      freshKeys: namedKeys(tr, plan.fresh),
    }),
    ...plan.takes.map((take) =>
      t('status.next.bundle-take', {
        dir: take.folder,
        digest: take.digest,
        seq: take.seq,
        keys: namedKeys(tr, take.keys),
        wrapped: take.wrap ? 'yes' : 'no',
        wrap: take.wrap?.folder ?? '',
        wrapSeq: take.wrap?.seq ?? 0,
      }),
    ),
  ];
}
