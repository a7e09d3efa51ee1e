/**
 * What the parameters step says once the bundle is written, for its keys that take material
 * imported before (as `online params` says it): the KMS takes only that same material again, a key
 * never imported takes its replica group's, and the way on is that material restored from its
 * custody copy, never fresh material. Pure, no React: the screen only shows the lines.
 */
import type { Translator } from '../../../src-main/i18n/translate';
import { namedKeys } from '../../../src-main/i18n/import-stopped-summary';
import type { WrittenParametersView } from '../../../src-main/ipc/contract';

/** One line per fact of `before`, the next step last; empty when no key takes material imported before. */
export function materialBeforeLines(
  tr: Pick<Translator, 't'>,
  before: WrittenParametersView['materialBefore'],
): string[] {
  if (!before) return [];
  const { t } = tr;
  return [
    ...(before.own.length > 0
      ? [t('params.before.own', { keys: namedKeys(tr, before.own), count: before.own.length })]
      : []),
    ...before.group.map((g) =>
      t('params.before.group', {
        member: namedKeys(tr, [g.member]),
        holder: namedKeys(tr, [g.holder]),
        // A replica whose primary holds the material, else a primary (or replica) whose fellow replica does.
        holderIs: g.member.replicaOf === g.holder.keyId ? 'itsPrimary' : 'another',
      }),
    ),
    t('params.before.next', before.custody),
  ];
}
