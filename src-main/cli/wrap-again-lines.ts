/**
 * What `airgap wrap` prints about the journal's earlier wraps: each earlier bundle (until when its
 * import tokens are valid, and its custody set) before the preflight, and once a repeated wrap is let
 * through, why and what to do with the other bundles and custody sets.
 */
import type { EarlierWrap, RepeatedWrapGrounds } from '../core/ceremony/airgap/earlier-wraps';
import { earlierCustodySets } from '../core/ceremony/airgap/earlier-custody-sets';
import { groupHex } from '../core/hex-groups';
import { terminalText } from '../core/terminal-text';
import { listText } from '../i18n/list';
import { cliDate } from './cli-text';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

/** A wrap after finished ones (earlier-wraps.ts): each earlier bundle, until when it can be imported, and its custody set. */
export function printEarlierWraps(io: CliIo, earlier: readonly EarlierWrap[]): void {
  if (earlier.length === 0) return;
  const { t } = cliTranslator(io);
  const now = Date.now();
  io.stdout(t('cli.wrap-repeated', { count: earlier.length }));
  for (const wrap of earlier)
    io.stdout(
      t('cli.wrap-repeated.earlier', {
        session: wrap.session,
        folder: terminalText(wrap.folder),
        digest: groupHex(wrap.bundleDigest),
        receipt: wrap.receipt ?? 'none',
        tokens: wrap.tokensUntil === null ? 'unknown' : Date.parse(wrap.tokensUntil) > now ? 'live' : 'expired',
        until: wrap.tokensUntil === null ? '' : cliDate(io, wrap.tokensUntil),
        // An HSM wrap's custody copy is the token objects it generated (a trial read "no custody set").
        backup: wrap.custody ? groupHex(wrap.custody.backupDigest) : wrap.hsmObjectLabels ? 'hsm' : 'none',
        custodians: wrap.custody ? listText({ t }, wrap.custody.custodians.map(terminalText)) : '',
      }),
    );
}

/** After a preflight that let a repeated wrap through: why (the officer's reason, or every earlier token expired), and what to do. */
export function printWrapAgain(
  io: CliIo,
  earlier: readonly EarlierWrap[],
  grounds: RepeatedWrapGrounds | null,
  reason: string | undefined,
  session: {
    readonly existing: boolean;
    readonly custody: boolean;
    /** The keys this session makes new material for, or wraps existing material for (those the KMS has not bound to material). */
    readonly fresh: readonly string[];
  },
): void {
  if (grounds === null) return;
  const { t } = cliTranslator(io);
  const count = earlier.length;
  const { existing } = session;
  const fresh = existing ? 'no' : 'yes';
  io.stdout(
    grounds === 'reason'
      ? t('cli.wrap-again-chosen', { reason: terminalText((reason ?? '').trim()), fresh })
      : t('cli.wrap-repeated.grounds', { count, grounds, fresh }),
  );
  // The earlier custody sets by their backup digests: what their custodians destroy once this bundle is imported,
  // and what they keep: a set that also backs keys this session makes no new material for (a wrap of some keys only),
  // with material that exists already too (none is then named to destroy: it may be their own material).
  const sets = earlierCustodySets(earlier, session.fresh, existing);
  const anyCustody = session.custody || earlier.some((w) => w.custody !== null);
  const cover = sets.keep.length > 0 ? 'some' : 'all';
  // New material after every earlier token expired: only this bundle can be imported, and the line below names the
  // sets to destroy (a trial read "the other bundles (above, or this session's)" as saying this session's might go).
  if (grounds !== 'tokensExpired' || existing || cover === 'some')
    io.stdout(t('cli.wrap-repeated.after', { fresh, custody: anyCustody ? 'some' : 'none', cover }));
  if (sets.destroy.length > 0)
    io.stdout(
      t('cli.wrap-repeated.destroy-earlier', { count: sets.destroy.length, backups: listText({ t }, sets.destroy) }),
    );
  if (sets.keep.length > 0)
    io.stdout(
      t('cli.wrap-repeated.keep-earlier', {
        count: sets.keep.length,
        backups: listText({ t }, sets.keep),
        // Each as the reader's language brackets it (a Chinese line read "b/aes-dr (15275dda-…)" in ASCII brackets).
        keys: listText(
          { t },
          sets.keptKeys.map(({ keyId, alias }) =>
            alias === undefined
              ? terminalText(keyId)
              : t('online.named-key', { alias: terminalText(alias), keyId, replica: 'no', region: '' }),
          ),
        ),
        // Sets split by an older build, whose keys the journal does not record: said so, not an empty list.
        named: sets.keptKeys.length > 0 ? 'yes' : 'no',
      }),
    );
}
