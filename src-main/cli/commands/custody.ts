/**
 * `keyferry custody split` and `keyferry custody restore` (custody-restore.ts): M-of-N custody of
 * key material. Split writes one share file plus its printable slip (.slip.html, .slip.txt) into
 * each custodian's folder, each on its own volume. Passphrases come only from an environment
 * variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadKeyMaterial, parseKeySpec, type KeyMaterial } from '../../core/crypto/index';
import type { CustodyShare } from '../../core/custody/custody-share';
import { renderCustodySlip } from '../../core/custody/custody-slip';
import { splitMaterial } from '../../core/custody/split';
import { writeShareFiles, type VolumeIdOf } from '../../core/custody/write-shares';
import { groupHex } from '../../core/hex-groups';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { parseCommandArgs } from '../args';
import { ceremonyReceiptLanguage } from '../cli-locale';
import type { CliCommand, CliIo } from '../command';
import { badArguments } from './custody-input';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import { custodyRestoreCommand } from './custody-restore';

const SPLIT_USAGE = `Usage: keyferry custody split --material FILE --key-spec SPEC --ceremony-id ID --key-id ID
         --m M --n N --custodian NAME (N times) --out DIR (N times) [--passphrase-env VAR]

Splits key material into N shares, any M of which rebuild it (2 <= M <= N <= 16). Share i goes
to the i-th --custodian and is written into the i-th --out folder, with its printable slip
(.slip.html and .slip.txt) beside it. Each --out folder must exist and be on its own volume.

  --material FILE        AES_256: 32 raw bytes, hex or base64; RSA/EC: private key PEM/DER
  --key-spec SPEC        the material's key spec: AES_256, RSA_2048/3072/4096, EC_P256/P384
  --ceremony-id ID       the ceremony the shares belong to (printed on slips; restore checks it)
  --key-id ID            the KMS key the material is for (restore checks it)
  --m M                  shares needed to rebuild (at least 2)
  --n N                  shares handed out (M to 16)
  --custodian NAME       the custodian of share i (repeat N times, in share order)
  --out DIR              the folder for share i, on custodian i's own media (repeat N times)
  --passphrase-env VAR   name of the environment variable holding the private key's passphrase`;

const count = z
  .string()
  .regex(/^\d{1,2}$/, 'must be a whole number')
  .transform(Number);

const SplitSchema = z.object({
  material: z.string({ error: 'The option --material FILE is required.' }).min(1),
  'key-spec': z.string({ error: 'The option --key-spec SPEC is required.' }).min(1),
  'ceremony-id': z.string({ error: 'The option --ceremony-id ID is required.' }).min(1),
  'key-id': z.string({ error: 'The option --key-id ID is required.' }).min(1),
  m: count.optional(),
  n: count.optional(),
  custodian: z.array(z.string()).default([]),
  out: z.array(z.string().min(1)).default([]),
  'passphrase-env': z.string().optional(),
});

async function runSplit(args: string[], io: CliIo, volumeIdOf: VolumeIdOf | undefined): Promise<number> {
  const { values } = parseCommandArgs('custody split', args, {
    material: { type: 'string' },
    'key-spec': { type: 'string' },
    'ceremony-id': { type: 'string' },
    'key-id': { type: 'string' },
    m: { type: 'string' },
    n: { type: 'string' },
    custodian: { type: 'string', multiple: true },
    out: { type: 'string', multiple: true },
    'passphrase-env': { type: 'string' },
  });
  const parsed = SplitSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badArguments(
      'custody split',
      issue?.message.startsWith('The option')
        ? issue.message
        : `The option --${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  const options = parsed.data;
  const { m, n } = options;
  if (m === undefined) throw badArguments('custody split', 'The option --m M is required (shares needed to rebuild).');
  if (n === undefined) throw badArguments('custody split', 'The option --n N is required (shares handed out).');
  if (options.out.length !== n)
    throw badArguments(
      'custody split',
      `${options.out.length} --out folder(s) were given for ${n} shares: give one per share, each on its own custodian's media.`,
    );
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
    {
      name: 'custody split',
      summary: 'Split key material into M-of-N custody shares with printable slips',
      usage: SPLIT_USAGE,
      run: (args, io) => runSplit(args, io, deps.volumeIdOf),
    },
    custodyRestoreCommand,
  ];
}

export const custodyCommands = createCustodyCommands();
