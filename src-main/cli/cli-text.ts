/**
 * Values as the CLI prints them in its language: moments (the workstation's wall clock and the same
 * moment in UTC, with the receipts' own formatters `formatLocalIn` and `formatUtc`, never raw ISO),
 * material expiries and table headers. (KMS key states: key-state-text.ts, which only online commands load.)
 */
import { formatLocalIn, formatUtc, workstationClock } from '../core/receipt/facts';
import type { CliIo } from './command';
import { cliTranslator } from './cli-locale';

/** `2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)`; in Chinese `2026年12月2日 …`. */
export function cliDate(io: Pick<CliIo, 'env' | 'locale'>, at: Date | number | string): string {
  const moment = new Date(at);
  const { t, locale } = cliTranslator(io);
  if (Number.isNaN(moment.getTime())) return String(at);
  return t('cli.date', {
    local: formatLocalIn(locale === 'zh-CN' ? 'zh-CN' : 'en', workstationClock(moment)),
    utc: formatUtc(moment),
  });
}

/** A material expiry as recorded (`null`/'never' = never, undefined = not known), in the CLI's language. */
export function cliExpiry(
  io: Pick<CliIo, 'env' | 'locale'>,
  at: string | null | undefined,
  missing: 'unknown' | 'none' | 'never' = 'unknown',
): string {
  const { t } = cliTranslator(io);
  if (at === null || at === 'never') return t('online.expiry', { at: 'never' });
  if (at === undefined) return t('online.expiry', { at: missing });
  return cliDate(io, at);
}

/** A table header row in the CLI's language. */
export function columns(
  io: Pick<CliIo, 'env' | 'locale'>,
  names: readonly ('alias' | 'spec' | 'usage' | 'keyId' | 'state' | 'tokenUntil' | 'materialExpires' | 'proof')[],
): string[] {
  const { t } = cliTranslator(io);
  return names.map((col) => t('cli.col', { col }));
}
