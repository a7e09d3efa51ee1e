/**
 * What the `keyferry online …` commands share beyond the session (online-session.ts): the next
 * command to print, parameter rounds, closing the session, the proof table and lapsed keys.
 */

import type { KeyProof } from '../../core/ceremony/online/key-proof';

import type { CliIo } from '../command';
import { cliTranslator } from '../cli-locale';
import { type OnlineCommonValues, type OnlineSession } from '../online-session';
import { formatTable } from '../text-table';
import { commandLine } from '../command-line';

/** The note under every online command's options: where credentials come from. */
export const CREDENTIALS_NOTE = 'cli.note.credentials' as const;

/**
 * The next online command, complete: the same journal and the options the journal cannot supply
 * (credentials file, CA file); region, project and endpoint come from the journal.
 */
export function nextOnline(sub: string, values: OnlineCommonValues, extra: string[] = []): string {
  return commandLine([
    'keyferry',
    'online',
    sub,
    '--journal',
    values.journal as string,
    ...(values.config ? ['--config', values.config] : []),
    ...(values['ca-file'] ? ['--ca-file', values['ca-file']] : []),
    ...extra,
  ]);
}

/** How many import-parameters bundles the ceremony's journal records (1 after the first `online params`). */
export function parametersRound(session: OnlineSession): number {
  return session.journal.entries.filter((e) => e.event === 'parameters.bundle-written').length;
}

/** A folder name for round `n` of parameters and wrapping: the first keeps the plain name. */
export const roundName = (base: string, n: number) => (n > 1 ? `${base}-${n}` : base);

/** Refusals that mean the import tokens lapsed before the import: new parameters are the way on. */
export const TOKEN_EXPIRED_CODES = new Set(['KMS.2601', 'IMPORT_TOKEN_EXPIRED', 'KMS_IMPORT_TOKEN_EXPIRED']);

export async function withSession<T>(session: OnlineSession, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await session.close();
  }
}

export function printProofs(io: CliIo, proofs: readonly KeyProof[]): void {
  const { message } = cliTranslator(io);
  for (const line of formatTable(
    ['key id', 'spec', 'state', 'proof'],
    proofs.map((p) => [p.keyId, p.spec, p.keyState, `${p.ok ? 'OK' : 'FAILED'}: ${message(p.proof)}`]),
  ))
    io.stdout(`  ${line}`);
}

/** Lines for keys whose imported material lapsed in the KMS (back in Pending import), with the way back. */
export function lapsedLines(
  keys: readonly { keyId: string; alias: string; spec: string; lapsed: boolean; expiresAt: string | null }[],
  journal: string,
): string[] {
  const lapsed = keys.filter((k) => k.lapsed);
  if (lapsed.length === 0) return [];
  return [
    `Key material lapsed: ${lapsed.length} key(s) were imported, but the KMS deleted the material after it expired; they are back in Pending import and accept only the same material again.`,
    ...lapsed.map(
      (k) =>
        `  ${k.alias} (${k.spec}, key ${k.keyId}), material expiry recorded at import: ${k.expiresAt ?? 'unknown'}`,
    ),
    'Every ciphertext under these keys is unreadable until the same material is imported again. Next:',
    `  1. ${journal} --out import-parameters-restore      (fresh wrapping key and import token)`,
    "  2. keyferry custody restore --bundle import-parameters-restore ... on the air-gapped workstation, with M custodians' shares",
    '  3. keyferry online import with the wrapped-material bundle the restore wrote (the command it prints)',
  ];
}
