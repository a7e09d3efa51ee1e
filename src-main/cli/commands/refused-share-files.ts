/**
 * Which files the shares a custody refusal names by number were read from. A refusal says
 * "Share 2 is corrupted" or "Shares 2 and 4 disagree with the others"; at the table the officer
 * holds share files from several custodians' media and needs to know which one to set aside. One
 * line per share number the refusal names, printed just before the refusal itself.
 */
import path from 'node:path';
import { isKeyferryError } from '../../core/errors';
import { listItems, listValue } from '../../i18n/list';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import type { ReadShare } from './custody-input';

/** The share numbers a custody refusal's values name: one share (`index`), two (`first`, `other`), or a list. */
function shareNumbers(error: unknown): number[] {
  if (!isKeyferryError(error) || !error.code.startsWith('CUSTODY_') || !error.values) return [];
  const { index, first, other, oddSharesList } = error.values;
  const named = [index, first, other, ...(listItems(oddSharesList) ?? [])].map(Number);
  return [...new Set(named.filter((n) => Number.isInteger(n) && n > 0))];
}

/** The lines naming the files of the shares `error` names, from the shares `read` (none for other errors). */
function refusedShareFileLines(error: unknown, read: readonly ReadShare[], io: CliIo): string[] {
  const { t } = cliTranslator(io);
  const shown = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  return shareNumbers(error).flatMap((index) => {
    const from = read.filter((r) => r.share.index === index);
    return from.length === 0
      ? []
      : [
          t('cli.custody.restore.share-read-from', {
            index,
            count: from.length,
            filesList: listValue(from.map((r) => shown(r.file))),
          }),
        ];
  });
}

/** Runs `step` on the shares `read`; a custody refusal naming some of them by number is preceded by their files. */
export async function namingShareFiles<T>(read: readonly ReadShare[], io: CliIo, step: () => Promise<T>): Promise<T> {
  const shares = [...read];
  try {
    return await step();
  } catch (error) {
    refusedShareFileLines(error, shares, io).forEach((line) => io.stderr(line));
    throw error;
  }
}
