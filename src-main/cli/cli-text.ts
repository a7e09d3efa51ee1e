/**
 * Values as the CLI prints them in its language: moments (the workstation's wall clock and the same
 * moment in UTC, as receipts print them: `momentText` in i18n/moment.ts; UTC once on a UTC workstation; never raw ISO),
 * material expiries, warnings and table headers. (KMS key states: key-state-text.ts, which only online commands load.)
 */
import { momentText } from '../i18n/moment';
import { warningText, type Warning } from '../i18n/warning';
import type { CliIo } from './command';
import { cliTranslator } from './cli-locale';
import { formatTable } from './text-table';
import path from 'node:path';
import { groupHex } from '../core/hex-groups';
import { materialIdOf } from '../core/bundle';

/** `2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)`; in Chinese `2026年12月2日 …`; in a UTC zone the UTC time once. */
export function cliDate(io: Pick<CliIo, 'env' | 'locale'>, at: Date | number | string): string {
  return momentText(cliTranslator(io).locale, at);
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

/** One `WARNING: …` line per warning, in the CLI's language. */
export function cliWarnings(io: Pick<CliIo, 'env' | 'locale'>, warnings: readonly Warning[]): string[] {
  const tr = cliTranslator(io);
  return warnings.map((w) => tr.t('cli.warning', { text: warningText(tr, w) }));
}

type Column =
  | 'alias'
  | 'spec'
  | 'usage'
  | 'keyId'
  | 'state'
  | 'tokenUntil'
  | 'materialExpires'
  | 'proof'
  | 'region'
  | 'project'
  | 'group';

/** A table header row in the CLI's language. */
function columns(io: Pick<CliIo, 'env' | 'locale'>, names: readonly Column[]): string[] {
  const { t } = cliTranslator(io);
  return names.map((col) => t('cli.col', { col }));
}

/** Where a key of the ceremony lives and its replica group (the online workflow's `keys()` rows). */
export interface PlacedKey {
  readonly keyId: string;
  readonly region: string;
  readonly projectId: string;
  readonly replicaOf: string | null;
}

/**
 * The columns that tell a replica group's rows apart (they share one alias): region, project (only
 * when the keys are in more than one) and group ("primary" / "replica of <primary's key id, short>").
 * No columns when no key of the ceremony is in a group, so a one-region table stays as it was.
 */
export function placeColumns(
  io: Pick<CliIo, 'env' | 'locale'>,
  keys: readonly PlacedKey[],
): {
  readonly names: readonly Column[];
  readonly cells: (keyId: string) => string[];
  /** The rows with each group's replicas right under their primary (otherwise in their order). */
  readonly grouped: <R extends { readonly keyId: string }>(rows: readonly R[]) => R[];
} {
  const { t } = cliTranslator(io);
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const primaries = new Set(keys.flatMap((k) => (k.replicaOf ? [k.replicaOf] : [])));
  if (primaries.size === 0) return { names: [], cells: () => [], grouped: (rows) => [...rows] };
  const projects = new Set(keys.map((k) => k.projectId)).size > 1;
  const names: Column[] = projects ? ['region', 'project', 'group'] : ['region', 'group'];
  const groupOf = (keyId: string) => {
    const k = byId.get(keyId);
    return k ? materialIdOf(k) : keyId;
  };
  return {
    names,
    grouped: (rows) => {
      const firstOf = new Map<string, number>();
      rows.forEach((r, i) => {
        if (!firstOf.has(groupOf(r.keyId))) firstOf.set(groupOf(r.keyId), i);
      });
      return rows
        .map((r, i) => ({ r, i, at: firstOf.get(groupOf(r.keyId)) ?? i }))
        .sort((a, b) => a.at - b.at || a.i - b.i)
        .map(({ r }) => r);
    },
    cells: (keyId) => {
      const k = byId.get(keyId);
      if (!k) return names.map(() => '');
      const group = k.replicaOf
        ? t('cli.replica-group', { role: 'replica', primary: `${k.replicaOf.slice(0, 8)}…` })
        : primaries.has(k.keyId)
          ? t('cli.replica-group', { role: 'primary', primary: '' })
          : '';
      return projects ? [k.region, k.projectId, group] : [k.region, group];
    },
  };
}

/**
 * Prints a table of the ceremony's keys, indented by two spaces: the first column of `head`, then
 * the columns that place each key (placeColumns over `keys`), then the rest of `head`; one row per
 * item of `rows` (each replica group's replicas under their primary), `cells` in `head`'s order.
 */
export function printKeyTable<R extends { readonly keyId: string }>(
  io: Pick<CliIo, 'env' | 'locale' | 'stdout'>,
  keys: readonly PlacedKey[],
  head: readonly [Column, ...Column[]],
  rows: readonly R[],
  cells: (row: R) => readonly [string, ...string[]],
): void {
  // No rows, no table: a header alone reads as a list someone emptied (a journal whose create was refused).
  if (rows.length === 0) return;
  const place = placeColumns(io, keys);
  const [first, ...rest] = head;
  const table = formatTable(
    columns(io, [first, ...place.names, ...rest]),
    place.grouped(rows).map((row) => {
      const [cell, ...more] = cells(row);
      return [cell, ...place.cells(row.keyId), ...more];
    }),
  );
  for (const line of table) io.stdout(`  ${line}`);
}

/**
 * The line naming a receipt just written, with the journal head and count it seals: the receipt's
 * seals section says a second person compares its head with the screen, which had not shown it.
 */
export function receiptWrittenLine(
  io: Pick<CliIo, 'env' | 'locale'>,
  receipt: {
    readonly htmlFile: string;
    readonly textFile: string;
    readonly journalHead: string;
    readonly journalCount: number;
  },
): string {
  return cliTranslator(io).t('cli.receipt-written', {
    html: receipt.htmlFile,
    text: path.basename(receipt.textFile),
    count: receipt.journalCount,
    head: groupHex(receipt.journalHead),
  });
}
