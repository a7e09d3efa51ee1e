/**
 * `keyferry online …`: the online workstation's half of a real ceremony, one step per command,
 * in separate processes and on separate days; the journal (--journal FILE) carries the state.
 *   create-key  start the ceremony and create the external keys (plan file or one key by options)
 *   params      fetch wrapping keys and import tokens, write the import-parameters bundle
 *   import      check the wrapped-material bundle, import, verify every key, write the receipt
 *   status      describe every key and re-verify the imported ones
 *   delete-material  delete the imported material of an AES key (on request)
 */
import path from 'node:path';
import {
  examplePlan,
  loadCeremonyPlan,
  PLAN_FIELD_SHAPES,
  parseCeremonyPlan,
  parseMaterialExpiry,
  type CeremonyPlan,
} from '../../core/ceremony/shared/ceremony-plan';
import type { KeyProof } from '../../core/ceremony/online/key-proof';
import type { ImportedKeySummary } from '../../core/ceremony/online/types';
import { parseTypedDigest } from '../../core/crypto/typed-digest';
import { KeyferryError } from '../../core/errors';
import { ceremonyReceiptLanguage, cliTranslator, explicitReceiptLanguage } from '../cli-locale';
import { custodyLine } from '../custody-line';
import { missingOption, parseCommandArgs, requireOption } from '../args';
import type { CliCommand, CliIo } from '../command';
import {
  ONLINE_COMMON_OPTIONS,
  ONLINE_COMMON_USAGE,
  openOnlineSession,
  type OnlineCommonValues,
  type OnlineSession,
} from '../online-session';
import { formatTable } from '../text-table';
import { commandLine } from '../command-line';

/**
 * The next online command, complete: the same journal and the options the journal cannot supply
 * (credentials file, CA file); region, project and endpoint come from the journal.
 */
function nextOnline(sub: string, values: OnlineCommonValues, extra: string[] = []): string {
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
function parametersRound(session: OnlineSession): number {
  return session.journal.entries.filter((e) => e.event === 'parameters.bundle-written').length;
}

/** A folder name for round `n` of parameters and wrapping: the first keeps the plain name. */
const roundName = (base: string, n: number) => (n > 1 ? `${base}-${n}` : base);

/** Refusals that mean the import tokens lapsed before the import: new parameters are the way on. */
const TOKEN_EXPIRED_CODES = new Set(['KMS.2601', 'IMPORT_TOKEN_EXPIRED', 'KMS_IMPORT_TOKEN_EXPIRED']);

async function withSession<T>(session: OnlineSession, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await session.close();
  }
}

function printProofs(io: CliIo, proofs: readonly KeyProof[]): void {
  for (const line of formatTable(
    ['key id', 'spec', 'state', 'proof'],
    proofs.map((p) => [p.keyId, p.spec, p.keyState, `${p.ok ? 'OK' : 'FAILED'}: ${p.proof}`]),
  ))
    io.stdout(`  ${line}`);
}

function planFromOptions(values: Record<string, string | string[] | boolean | undefined>): unknown {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return {
    title: str('title') ?? `Import of ${str('alias') ?? 'a key'}`,
    operator: str('operator'),
    witnesses: (values.witness as string[] | undefined) ?? [],
    ...(str('wrapping-algorithm') ? { wrappingAlgorithm: str('wrapping-algorithm') } : {}),
    ...(str('expires') ? { materialExpiry: str('expires') } : {}),
    keys: [
      {
        alias: str('alias'),
        spec: str('spec')?.toUpperCase(),
        ...(str('usage') ? { usage: str('usage') } : {}),
        ...(str('description') ? { description: str('description') } : {}),
      },
    ],
  };
}

/** How an imported key's expiry was chosen, when it is not simply the bundle's request. */
function expiryOrigin(k: ImportedKeySummary): string {
  if (k.expirySource !== 'override') return '';
  return k.expiresAt === k.requestedExpiresAt
    ? ', chosen with --expires'
    : `, chosen with --expires instead of the bundle's ${k.requestedExpiresAt}`;
}

/** Lines for keys whose imported material lapsed in the KMS (back in Pending import), with the way back. */
function lapsedLines(
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

const createKeyCommand: CliCommand = {
  name: 'online create-key',
  summary: 'Start a ceremony and create its external keys in the KMS',
  usage: [
    'Usage: keyferry online create-key --journal FILE (--plan FILE | --alias A --spec S --operator NAME --witness NAME ...) [connection options]',
    '',
    '  --plan FILE         the ceremony plan (JSON: title, operator, witnesses, keys, wrappingAlgorithm, materialExpiry)',
    '  --example-plan      print a valid example plan (nothing else happens): keyferry online create-key',
    '                      --example-plan > plan.json, then edit it; a rehearsal writes the same shape',
    '  --alias A --spec S  or one key by options, with --usage, --description, --title, --operator,',
    '                      --witness (repeat), --wrapping-algorithm, --expires never|ISO-DATE',
    '',
    'Plan fields:',
    ...PLAN_FIELD_SHAPES.map(([field, shape]) => `  ${field.padEnd(20)}${shape}`),
    ...ONLINE_COMMON_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs('online create-key', args, {
      ...ONLINE_COMMON_OPTIONS,
      plan: { type: 'string' },
      alias: { type: 'string' },
      spec: { type: 'string' },
      usage: { type: 'string' },
      description: { type: 'string' },
      title: { type: 'string' },
      operator: { type: 'string' },
      witness: { type: 'string', multiple: true },
      'wrapping-algorithm': { type: 'string' },
      expires: { type: 'string' },
      'example-plan': { type: 'boolean', default: false },
    });
    if (values['example-plan']) {
      for (const line of JSON.stringify(examplePlan(), null, 2).split('\n')) io.stdout(line);
      return 0;
    }
    if (values.plan && values.alias)
      throw new KeyferryError(
        'CLI_BAD_ARGUMENTS',
        'Give either --plan or --alias/--spec, not both.',
        'Put every key in the plan file.',
      );
    if (!values.plan && !values.alias) throw missingOption({ reason: 'noKeys' });
    const plan: CeremonyPlan = values.plan
      ? await loadCeremonyPlan(path.resolve(io.cwd, values.plan))
      : parseCeremonyPlan(planFromOptions(values));
    const session = await openOnlineSession(values, io, {
      title: plan.title,
      operator: plan.operator,
      witnesses: plan.witnesses,
      wrappingAlgorithm: plan.wrappingAlgorithm,
      materialExpiry: plan.materialExpiry,
      receiptLanguage: ceremonyReceiptLanguage(io),
    });
    return withSession(session, async () => {
      const created = await session.ceremony.createKeys(plan.keys);
      for (const line of formatTable(
        ['alias', 'spec', 'usage', 'key id'],
        created.map((k) => [k.alias, k.spec, k.usage, k.keyId]),
      ))
        io.stdout(`  ${line}`);
      io.stdout(`Created ${created.length} key(s), Pending import.`);
      io.stdout(
        `Next (write to the removable media, e.g. an --out folder on it): ${nextOnline('params', values, ['--out', `import-parameters-${session.ceremony.ceremonyId}`])}`,
      );
      return 0;
    });
  },
};

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

const paramsCommand: CliCommand = {
  name: 'online params',
  summary: 'Fetch wrapping keys and import tokens; write the import-parameters bundle',
  usage: [
    'Usage: keyferry online params --journal FILE --out DIR [connection options]',
    '',
    '  --out DIR           a new folder on the removable media for the bundle',
    ...ONLINE_COMMON_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs('online params', args, { ...ONLINE_COMMON_OPTIONS, out: { type: 'string' } });
    const out = path.resolve(io.cwd, requireOption('online params', values.out, '--out'));
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      const issued = await session.ceremony.fetchParameters();
      const written = await session.ceremony.writeParametersBundle(out);
      io.stdout(cliTranslator(io).t('params.fingerprints.heading'));
      for (const k of issued) {
        io.stdout(`  ${k.alias} (${k.spec}, key ${k.keyId}), token valid until ${k.tokenExpiresAt}`);
        io.stdout(`    ${k.wrappingKeyFingerprintGrouped}`);
      }
      for (const warning of written.warnings) io.stdout(`WARNING: ${warning}`);
      io.stdout(`Import-parameters bundle written and verified: ${written.dir}`);
      for (const line of parametersDigestBlock(io, written.manifestSha256Grouped)) io.stdout(line);
      io.stdout(
        `Next, within 24 hours, on the air-gapped workstation with this bundle: ${commandLine([
          'keyferry',
          'airgap',
          'wrap',
          '--bundle',
          written.dir,
          '--out',
          roundName(`wrapped-material-${session.ceremony.ceremonyId}`, parametersRound(session)),
          '--journal',
          `airgap-${session.ceremony.ceremonyId}.jsonl`,
          '--operator',
          session.ceremony.operator,
          ...session.ceremony.witnesses.flatMap((w) => ['--witness', w]),
        ])}`,
      );
      return 0;
    });
  },
};

/**
 * The --expect-digest of `online import`, checked in form before anything is opened: required,
 * because only the digest on the air-gapped receipt proves which bundle is being imported.
 */
function receiptDigest(typed: string | undefined): string {
  if (typed === undefined || typed.trim() === '') throw new KeyferryError('CLI_EXPECT_DIGEST_MISSING');
  return parseTypedDigest(typed, 'wrapped');
}

const importCommand: CliCommand = {
  name: 'online import',
  summary: 'Check the wrapped-material bundle, import it, verify every key, write the receipt',
  usage: [
    'Usage: keyferry online import --journal FILE --bundle DIR --expect-digest HEX [--expires never|ISO-DATE] [--receipt-dir DIR] [connection options]',
    '',
    '  --bundle DIR          the wrapped-material bundle from the air-gapped workstation',
    '  --expect-digest HEX   required: "Bundle digest" under "Seals" on the air-gapped receipt, typed',
    '                        (16 groups of four; quote it if it has spaces). A bundle with another',
    '                        digest is refused before anything is sent to the KMS.',
    '  --expires WHEN        override the material expiry of AES keys: never, or an ISO date-time (journaled;',
    '                        default: per key, the expiry the wrapped-material bundle requests)',
    "  --receipt-dir DIR     where the online receipt is written (default: the journal's folder)",
    ...ONLINE_COMMON_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs('online import', args, {
      ...ONLINE_COMMON_OPTIONS,
      bundle: { type: 'string' },
      'expect-digest': { type: 'string' },
      expires: { type: 'string' },
      'receipt-dir': { type: 'string' },
    });
    const bundle = path.resolve(io.cwd, requireOption('online import', values.bundle, '--bundle'));
    const expectedDigest = receiptDigest(values['expect-digest']);
    const expiry = values.expires ? parseMaterialExpiry(values.expires) : undefined;
    const session = await openOnlineSession(values, io);
    return withSession(session, () =>
      importAndReceipt(session).catch((error: unknown) => {
        if (error instanceof KeyferryError && TOKEN_EXPIRED_CODES.has(error.code)) {
          const out = roundName(`import-parameters-${session.ceremony.ceremonyId}`, parametersRound(session) + 1);
          io.stdout(
            cliTranslator(io).t('online.next.new-parameters', {
              command: nextOnline('params', values, ['--out', out]),
            }),
          );
        }
        throw error;
      }),
    );
    async function importAndReceipt(session: OnlineSession): Promise<number> {
      const checked = await session.ceremony.checkWrappedBundle(bundle, {
        expectedDigest,
        source: 'air-gapped-receipt',
      });
      io.stdout(
        `Wrapped-material bundle checked against the parameters the KMS issued: ${checked.keys.length} key(s).`,
      );
      io.stdout(cliTranslator(io).t('import.digest.matches', { digest: checked.manifestSha256Grouped }));
      io.stdout(custodyLine(cliTranslator(io).t, checked.custody));
      for (const warning of checked.warnings) io.stdout(`WARNING: ${warning}`);
      const imported = await session.ceremony.importMaterial(expiry ? { expiry } : {});
      for (const k of imported)
        io.stdout(
          `  imported ${k.spec} key ${k.keyId} (material expires: ${k.expiresAt}${expiryOrigin(k)}; ${k.confirmation})`,
        );
      const proofs = await session.ceremony.verifyKeys();
      printProofs(io, proofs);
      if (!proofs.every((p) => p.ok)) {
        io.stderr(
          'keyferry online import: a key failed verification; no receipt was written. Check it with "keyferry online status".',
        );
        return 1;
      }
      const receiptDir = path.resolve(
        io.cwd,
        values['receipt-dir'] ?? path.dirname(path.resolve(io.cwd, values.journal as string)),
      );
      const receipt = await session.ceremony.writeReceipt(receiptDir, explicitReceiptLanguage(io));
      io.stdout(`Receipt: ${receipt.htmlFile} (and ${path.basename(receipt.textFile)})`);
      io.stdout(`Next, to check the keys at any time: ${nextOnline('status', values)}`);
      return 0;
    }
  },
};

const statusCommand: CliCommand = {
  name: 'online status',
  summary: 'Show every key of the ceremony and re-verify the imported ones',
  usage: ['Usage: keyferry online status --journal FILE [connection options]', '', ...ONLINE_COMMON_USAGE].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs('online status', args, { ...ONLINE_COMMON_OPTIONS });
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      const status = await session.ceremony.status();
      for (const line of formatTable(
        ['alias', 'spec', 'key id', 'state', 'material expires'],
        status.map((s) => [s.alias, s.spec, s.keyId, s.keyState, s.materialExpiresAt ?? '-']),
      ))
        io.stdout(`  ${line}`);
      const keys = session.ceremony.keys();
      const lapsed = lapsedLines(keys, nextOnline('params', values));
      for (const line of lapsed) io.stdout(line);
      const deleted = keys.filter((k) => k.deleted);
      for (const k of deleted)
        io.stdout(cliTranslator(io).t('cli.status-material-deleted', { alias: k.alias, spec: k.spec, keyId: k.keyId }));
      if (!keys.some((k) => k.imported)) {
        if (lapsed.length === 0 && deleted.length === 0)
          io.stdout(`Nothing imported yet (ceremony step: ${session.ceremony.step}).`);
        return lapsed.length === 0 ? 0 : 1;
      }
      const proofs = await session.ceremony.verifyKeys();
      printProofs(io, proofs);
      return proofs.every((p) => p.ok) && lapsed.length === 0 ? 0 : 1;
    });
  },
};

const deleteMaterialCommand: CliCommand = {
  name: 'online delete-material',
  summary: 'Delete the imported material of an AES key (it returns to Pending import)',
  usage: [
    'Usage: keyferry online delete-material --journal FILE --key-id ID --yes --acknowledge-loss [connection options]',
    '',
    'The KMS deletes the key material; the key returns to Pending import and accepts only the same',
    'material again. Every ciphertext under the key is unreadable until then. --yes confirms;',
    '--acknowledge-loss says you accept that without a custody copy (M-of-N shares made when it was',
    'wrapped) the material, and every ciphertext under the key, is lost for ever (journaled, on the receipt).',
    ...ONLINE_COMMON_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs('online delete-material', args, {
      ...ONLINE_COMMON_OPTIONS,
      'key-id': { type: 'string' },
      yes: { type: 'boolean', default: false },
      'acknowledge-loss': { type: 'boolean', default: false },
    });
    const keyId = requireOption('online delete-material', values['key-id'], '--key-id');
    if (!values.yes) {
      throw new KeyferryError('CONFIRMATION_REQUIRED', { keyId });
    }
    if (!values['acknowledge-loss']) throw new KeyferryError('LOSS_NOT_ACKNOWLEDGED', { keyId });
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      const result = await session.ceremony.deleteMaterial(keyId, { lossAcknowledged: true });
      io.stdout(`Deleted the imported material of key ${result.keyId}; it is now ${result.keyState}.`);
      return 0;
    });
  },
};

export const onlineCommands: CliCommand[] = [
  createKeyCommand,
  paramsCommand,
  importCommand,
  statusCommand,
  deleteMaterialCommand,
];
