/**
 * `custody restore --bundle …`: who hands over each share given (`--presented-by INDEX=NAME`, else
 * the share's recorded custodian), known before the journal opens, so the core's presenter rules
 * (core/ceremony/restore/presenters.ts) refuse one person handing over several shares before any
 * witness types the digest; and the warnings printed as each share is presented.
 */
import { checkHandovers, severalSharesReason, type ShareHandover } from '../../core/ceremony/restore/presenters';
import type { PresentedHandover } from '../../core/ceremony/restore/share-handover';
import { KeyferryError } from '../../core/errors';
import { terminalText } from '../../core/terminal-text';
import { listValue } from '../../i18n/list';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import type { ReadShare } from './custody-input';
import { presentedByMap, type RestoreValues } from './custody-restore-options';

/** What tells one share from another: its set (or key) and its number. Two files with the same are the same share. */
function shareIdentity({ share }: ReadShare): string {
  return `${share.ceremonyId} ${'backupDigest' in share ? share.backupDigest : share.keyId} ${share.index}`;
}

/**
 * Refuses the same share given twice (the same file twice, or a copy of it), naming both files, before
 * anything else is said of the shares: it is no second person's share, and the override that lets one
 * person hand over several shares would not make it one.
 */
function refuseShareGivenTwice(read: readonly ReadShare[]): void {
  const seen = new Map<string, ReadShare>();
  for (const r of read) {
    const first = seen.get(shareIdentity(r));
    if (first)
      throw new KeyferryError('CLI_SHARE_GIVEN_TWICE', {
        index: r.share.index,
        custodian: terminalText(r.share.custodian),
        first: terminalText(first.file),
        second: terminalText(r.file),
      });
    seen.set(shareIdentity(r), r);
  }
}

/**
 * Every share given with who hands it over; refuses an index no given share has
 * (CLI_PRESENTED_BY_NOT_GIVEN) and one person for several shares without the operator's reason.
 * Returns `--presented-by` as a map and the reason (checked), for the ceremony.
 */
export function plannedHandovers(
  values: RestoreValues,
  read: readonly ReadShare[],
): { presentedBy: ReadonlyMap<number, string>; severalSharesReason: string | undefined } {
  refuseShareGivenTwice(read);
  const presentedBy = presentedByMap(values['presented-by'] ?? []);
  const given = [...new Set(read.map((r) => r.share.index))].sort((a, b) => a - b);
  for (const [index, name] of presentedBy)
    if (!given.includes(index))
      throw new KeyferryError('CLI_PRESENTED_BY_NOT_GIVEN', {
        index,
        name,
        count: given.length,
        givenList: listValue(given),
      });
  const reason = severalSharesReason(values['one-person-several-shares'], 'cli');
  const handovers: ShareHandover[] = read.map(({ share }) => ({
    shareIndex: share.index,
    custodian: share.custodian,
    presentedBy: presentedBy.get(share.index) ?? share.custodian,
  }));
  checkHandovers(handovers, reason);
  return { presentedBy, severalSharesReason: reason };
}

/** The warnings for a share just presented: one person's several shares (allowed), a presenter out of the ordinary. */
export function handoverWarnings(io: CliIo, presented: PresentedHandover, reason: string | undefined): string[] {
  const { t } = cliTranslator(io);
  const lines: string[] = [];
  if (presented.severalShares.length > 1)
    lines.push(
      t('cli.custody.restore.several-shares-allowed', {
        presentedBy: terminalText(presented.presentedBy),
        count: presented.severalShares.length,
        sharesList: listValue(presented.severalShares),
        reason: terminalText(reason ?? ''),
      }),
    );
  if (presented.concern)
    lines.push(
      t('cli.custody.restore.presenter-flagged', {
        index: presented.shareIndex,
        custodian: terminalText(presented.custodian),
        presentedBy: terminalText(presented.presentedBy),
        notCustodian: presented.concern.notCustodian ? 'yes' : 'no',
        role: presented.concern.role,
      }),
    );
  return lines;
}
