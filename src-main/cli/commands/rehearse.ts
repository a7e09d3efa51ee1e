/**
 * `keyferry rehearse`: a whole ceremony against the built-in KMS simulator, in-process: online
 * side, air-gapped side (own code path, media = a folder), online side again; every key proven;
 * both receipts and journals written and verified. Exit 0 only if every key verified.
 */
import path from 'node:path';
import { parseCustodySpec } from '../../core/ceremony/airgap/custody-split';
import { cliAppIdentity } from '../software-identity';
import { rehearsalSpecList, runRehearsal } from '../../core/ceremony/rehearsal/rehearsal';
import { HSM_OPTIONS, hsmSourceFromOptions } from '../hsm-source-options';
import { KEY_SPECS, parseKeySpec, parseWrappingAlgorithm, type KeySpec } from '../../core/crypto/key-spec';
import { KeyferryError } from '../../core/errors';
import { checkCustodianNames } from '../../core/custody/custodian-names';
import { defineCommand } from '../command';
import { formatTable } from '../text-table';
import { ceremonyReceiptLanguage, cliTranslator } from '../cli-locale';
import { keyStateText } from '../key-state-text';
import { listText } from '../../i18n/list';

const NAME = 'rehearse';

/** `keyferry-rehearsal-YYYYMMDD-HHMMSS` for `now` (UTC). */
export function defaultRehearsalFolder(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `keyferry-rehearsal-${stamp}`;
}

function parseSpecs(text: string | undefined): KeySpec[] {
  if (text === undefined) return [...KEY_SPECS];
  const specs = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(parseKeySpec);
  const badValue = (expected: 'specList' | 'specOnce') =>
    new KeyferryError('CLI_OPTION_VALUE_INVALID', { option: '--specs', value: text.slice(0, 60), expected });
  if (specs.length === 0) throw badValue('specList');
  if (new Set(specs).size !== specs.length) throw badValue('specOnce');
  return specs;
}

export const rehearseCommand = defineCommand({
  name: NAME,
  synopsis: ['[--out DIR] [--specs AES_256,RSA_2048,...] [--custody M/N [--custodian NAME ...]]'],
  options: {
    out: { type: 'string', arg: 'DIR', help: 'cli.opt.rehearse.out' },
    specs: {
      type: 'string',
      arg: 'LIST',
      help: { key: 'cli.opt.rehearse.specs', values: { specs: KEY_SPECS.join(',') } },
    },
    custody: { type: 'string', arg: 'M/N', help: 'cli.opt.rehearse.custody' },
    custodian: { type: 'string', multiple: true, arg: 'NAME', help: 'cli.opt.rehearse.custodian' },
    'wrapping-algorithm': { type: 'string', arg: 'ALG', help: 'cli.opt.wrapping-algorithm' },
    ...HSM_OPTIONS,
  },
  notes: ['cli.note.rehearse'],
  async run({ values }, io) {
    const specs = parseSpecs(values.specs);
    const outDir = path.resolve(io.cwd, values.out ?? defaultRehearsalFolder(new Date()));
    let custody: { m: number; n: number; custodians?: string[] } | undefined;
    if (values.custody) {
      custody = parseCustodySpec(values.custody);
      if (values.custodian && values.custodian.length !== custody.n)
        throw new KeyferryError('CLI_SHARE_COUNT', {
          what: 'custodians',
          given: values.custodian.length,
          n: custody.n,
        });
      if (values.custodian) custody.custodians = checkCustodianNames(values.custodian);
    } else if (values.custodian) {
      throw new KeyferryError('CLI_OPTION_NEEDS', { option: '--custodian', needs: '--custody M/N' });
    }
    // Rehearsal key ids are made by the simulator later: a bare --hsm-key-label cannot be matched to one.
    const hsm = await hsmSourceFromOptions(values, io, []);
    const wrappingAlgorithm = values['wrapping-algorithm']
      ? parseWrappingAlgorithm(values['wrapping-algorithm'])
      : undefined;
    const { t, progress, message } = cliTranslator(io);
    io.stdout(t('cli.rehearse.start', { specs: listText({ t }, specs), dir: outDir }));
    const result = await runRehearsal({
      outDir,
      specs,
      app: cliAppIdentity(io.env),
      // The people a rehearsal plays are named in the officer's language (the receipts print these names).
      operator: t('cli.rehearse.operator'),
      witnesses: [t('cli.rehearse.witness')],
      title: t('cli.rehearse.title', { specs: listText({ t }, rehearsalSpecList(specs)) }),
      ...(custody ? { custody } : {}),
      ...(hsm ? { hsm } : {}),
      ...(wrappingAlgorithm ? { wrappingAlgorithm } : {}),
      receiptLanguage: ceremonyReceiptLanguage(io),
      onProgress: (p) => {
        // One line as each key (or bundle) starts; a key's finishing report and the step's closing one add nothing new.
        if (p.done >= p.total || (p.keyPhase !== undefined && p.keyPhase !== 'started')) return;
        io.stdout(`  ${progress(p)}`);
      },
    });
    io.stdout('');
    io.stdout(t('cli.rehearse.ceremony', { id: result.ceremonyId }));
    for (const line of formatTable(
      [
        t('cli.rehearse.col.spec'),
        t('cli.rehearse.col.key-id'),
        t('cli.rehearse.col.state'),
        t('cli.rehearse.col.proof'),
      ],
      result.rows.map((r) => [
        r.spec,
        r.keyId,
        keyStateText(io, r.finalState),
        t(r.ok ? 'cli.rehearse.ok' : 'cli.rehearse.failed', { proof: message(r.proof) }),
      ]),
    ))
      io.stdout(`  ${line}`);
    io.stdout('');
    const rel = (p: string) => path.relative(io.cwd, p) || '.';
    const verified = (ok: boolean) => (ok ? t('cli.rehearse.verified') : t('cli.rehearse.not-verified'));
    const files: [string, string][] = [
      [t('cli.rehearse.plan'), rel(result.files.plan)],
      [t('cli.rehearse.online-journal'), `${rel(result.files.onlineJournal)} ${verified(result.journals.online)}`],
      [t('cli.rehearse.airgap-journal'), `${rel(result.files.airGapJournal)} ${verified(result.journals.airGap)}`],
      [
        t('cli.rehearse.online-receipt'),
        result.files.onlineReceipt ? rel(result.files.onlineReceipt.htmlFile) : t('cli.rehearse.no-online-receipt'),
      ],
      [t('cli.rehearse.airgap-receipt'), rel(result.files.airGapReceipt.htmlFile)],
      [
        t('cli.rehearse.bundles'),
        listText({ t }, [rel(result.files.parametersBundle), rel(result.files.wrappedBundle)]),
      ],
    ];
    if (result.files.custodianFolders.length > 0)
      files.push([t('cli.rehearse.custody-shares'), listText({ t }, result.files.custodianFolders.map(rel))]);
    io.stdout(t('cli.rehearse.everything-in', { dir: rel(result.outDir) }));
    for (const line of formatTable(['', ''], files).slice(2)) io.stdout(`  ${line}`);
    io.stdout('');
    const people = result.humanActions;
    io.stdout(
      t('cli.rehearse.human-actions', {
        keys: result.rows.length,
        readAloud: people.readAloud,
        typed: people.typed,
        slips: people.slipsPrintedAndSigned,
        media: people.mediaSwaps,
        total: people.total,
      }),
    );
    io.stdout(result.ok ? t('cli.rehearse.passed') : t('cli.rehearse.failed-summary'));
    // One machine playing both sides proves the tool; the ceremony is rehearsed on two (README).
    if (result.ok) io.stdout(t('cli.rehearse.two-machines'));
    return result.ok ? 0 : 1;
  },
});
