/**
 * `keyferry custody split` and `keyferry custody restore` (custody-restore.ts): M-of-N custody of
 * key material. Split writes one share file plus its printable slip (.slip.html, .slip.txt) into
 * each custodian's folder, each on its own volume. Passphrases come only from an environment
 * variable.
 */
import path from 'node:path';
import { loadKeyMaterial, parseKeySpec, type KeyMaterial } from '../../core/crypto/index';
import type { CustodyShare } from '../../core/custody/custody-share';
import { renderCustodySlip } from '../../core/custody/custody-slip';
import { splitMaterial } from '../../core/custody/split';
import { writeShareFiles, type VolumeIdOf } from '../../core/custody/write-shares';
import { groupHex } from '../../core/hex-groups';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { requireOption } from '../args';
import { ceremonyReceiptLanguage } from '../cli-locale';
import { defineCommand, type CliCommand, type CliIo } from '../command';
import { KeyferryError } from '../../core/errors';
import { parseWholeNumberOption } from '../number-option';
import { optionTable, type OptionValues } from '../options';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import { custodyRestoreCommand } from './custody-restore';

const NAME = 'custody split';

const SPLIT_OPTIONS = optionTable({
  material: { type: 'string', arg: 'FILE', help: 'cli.opt.custody-split.material' },
  'key-spec': { type: 'string', arg: 'SPEC', help: 'cli.opt.custody-split.key-spec' },
  'ceremony-id': { type: 'string', arg: 'ID', help: 'cli.opt.custody-split.ceremony-id' },
  'key-id': { type: 'string', arg: 'ID', help: 'cli.opt.custody-split.key-id' },
  m: { type: 'string', arg: 'M', help: 'cli.opt.custody-split.m' },
  n: { type: 'string', arg: 'N', help: 'cli.opt.custody-split.n' },
  custodian: { type: 'string', multiple: true, arg: 'NAME', help: 'cli.opt.custody-split.custodian' },
  out: { type: 'string', multiple: true, arg: 'DIR', help: 'cli.opt.custody-split.out' },
  'passphrase-env': { type: 'string', arg: 'VAR', help: 'cli.opt.passphrase-env' },
});

/** Shares per split: at least 2, at most 16 (core/custody checks M <= N). */
const SHARE_RANGE = { min: 2, max: 16 };

async function runSplit(
  values: OptionValues<typeof SPLIT_OPTIONS>,
  io: CliIo,
  volumeIdOf: VolumeIdOf | undefined,
): Promise<number> {
  const options = {
    material: requireOption(NAME, values.material, '--material'),
    'key-spec': requireOption(NAME, values['key-spec'], '--key-spec'),
    'ceremony-id': requireOption(NAME, values['ceremony-id'], '--ceremony-id'),
    'key-id': requireOption(NAME, values['key-id'], '--key-id'),
    custodian: values.custodian ?? [],
    out: values.out ?? [],
    'passphrase-env': values['passphrase-env'],
  };
  const m = parseWholeNumberOption('--m', requireOption(NAME, values.m, '--m'), SHARE_RANGE, 0);
  const n = parseWholeNumberOption('--n', requireOption(NAME, values.n, '--n'), SHARE_RANGE, 0);
  if (options.out.length !== n)
    throw new KeyferryError('CLI_SHARE_COUNT', { what: 'outFolders', given: options.out.length, n });
  const spec = parseKeySpec(options['key-spec']);
  const passphrase = secretFromEnvironment('passphrase-env', options['passphrase-env'], io.env);
  const bytes = await readInputFile(path.resolve(io.cwd, options.material), 'material', SMALL_INPUT_FILE_BYTES);
  let material: KeyMaterial;
  try {
    material = loadKeyMaterial(spec, bytes, passphrase);
  } finally {
    bytes.fill(0);
  }
  let shares: CustodyShare[] = [];
  try {
    shares = await splitMaterial({
      material,
      m,
      n,
      ceremonyId: options['ceremony-id'],
      keyId: options['key-id'],
      spec,
      custodians: options.custodian,
    });
    const destinations = options.out.map((d) => path.resolve(io.cwd, d));
    const written = await writeShareFiles(shares, destinations, {
      ...(volumeIdOf ? { volumeIdOf } : {}),
      companions: (share) => {
        const slip = renderCustodySlip(share, { language: ceremonyReceiptLanguage(io) });
        return [
          { name: slip.htmlName, data: slip.html },
          { name: slip.textName, data: slip.text },
        ];
      },
    });
    const check = shares[0]?.materialCheck;
    io.stdout(
      `Split ${spec} key material of key ${options['key-id']} (ceremony ${options['ceremony-id']}) into ${n} shares; any ${m} rebuild it.`,
    );
    if (check)
      io.stdout(
        check.kind === 'kcv'
          ? `Key check value (KCV):  ${check.value}`
          : `Public key SHA-256 fingerprint:  ${groupHex(check.value)}`,
      );
    io.stdout('Shares written (each checked by reading it back):');
    for (const w of written) {
      io.stdout(`  share ${w.index} of ${n} for ${w.custodian}: ${w.shareFile.path}  sha256 ${w.shareFile.sha256}`);
      for (const c of w.companions) io.stdout(`    slip: ${c.path}`);
    }
    io.stdout('Print each slip, have its custodian sign it, and hand over share file and slip together.');
    return 0;
  } finally {
    material.dispose();
    for (const share of shares) share.share.dispose();
  }
}

/** Builds the custody commands; tests inject volumeIdOf (otherwise each folder's device number). */
export function createCustodyCommands(deps: { volumeIdOf?: VolumeIdOf } = {}): CliCommand[] {
  return [
    defineCommand({
      name: NAME,
      summary: 'Split key material into M-of-N custody shares with printable slips',
      synopsis: [
        '--material FILE --key-spec SPEC --ceremony-id ID --key-id ID',
        '    --m M --n N --custodian NAME (N times) --out DIR (N times) [--passphrase-env VAR]',
      ],
      about: 'cli.about.custody-split',
      options: SPLIT_OPTIONS,
      run: ({ values }, io) => runSplit(values, io, deps.volumeIdOf),
    }),
    custodyRestoreCommand,
  ];
}

export const custodyCommands = createCustodyCommands();
