/**
 * `keyferry custody split` and `keyferry custody restore`: M-of-N custody of key material.
 * Split writes one share file plus its printable slip (.slip.html, .slip.txt) into each
 * custodian's folder, each on its own volume. Restore rebuilds the material in memory, proves it
 * against the recorded check value, and writes it (mode 0600, never over an existing file) only
 * when --out asks for it. Passphrases come only from an environment variable.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadKeyMaterial, parseKeySpec, type KeyMaterial } from '../../core/crypto/index';
import { describeMaterialCheck, type CustodyShare } from '../../core/custody/custody-share';
import { renderCustodySlip } from '../../core/custody/custody-slip';
import { restoreMaterial } from '../../core/custody/restore';
import { wrapRestoredMaterial } from '../../core/custody/rewrap';
import { readShareFile } from '../../core/custody/share-file';
import { splitMaterial } from '../../core/custody/split';
import { parseTypedShare } from '../../core/custody/typed-share';
import { writeShareFiles, type VolumeIdOf } from '../../core/custody/write-shares';
import { KeyferryError } from '../../core/errors';
import { groupHex } from '../../core/receipt/hex';
import { writeFileExclusive } from '../../core/fs/durable-file';
import { parseCommandArgs } from '../args';
import type { CliCommand, CliIo } from '../command';

const MAX_INPUT_FILE = 64 * 1024;

const SPLIT_USAGE = `Usage: keyferry custody split --material FILE --key-spec SPEC --ceremony-id ID --key-id ID
         --m M --n N --custodian NAME (N times) --out DIR (N times) [--passphrase-env VAR]

Splits key material into N shares, any M of which rebuild it (2 <= M <= N <= 16). Share i goes
to the i-th --custodian and is written into the i-th --out folder, with its printable slip
(.slip.html and .slip.txt) beside it. Each --out folder must exist and be on its own volume.

  --material FILE        AES_256: 32 raw bytes, hex or base64; RSA/EC: private key PEM/DER
  --passphrase-env VAR   name of the environment variable holding the private key's passphrase`;

const RESTORE_USAGE = `Usage: keyferry custody restore --share FILE... [--typed FILE...] [--out FILE]
         [--ceremony-id ID] [--key-id ID] [--key-spec SPEC]
         [--wrap-bundle DIR --wrapped-out DIR [--expires-at ISO-TIME]]

Rebuilds key material from at least M shares: share files (--share) and/or shares typed from
printed slips (--typed, a text file per slip). The result is proven against the key check value
or public-key fingerprint recorded in every share. Nothing is written unless --out is given:
then the material (AES: 32 raw bytes; RSA/EC: PKCS#8 DER) goes to that new file, mode 0600,
for handing to an HSM. --ceremony-id, --key-id and --key-spec refuse shares of anything else.

  --wrap-bundle DIR    an import-parameters bundle fetched for this key: the rebuilt material is
                       wrapped under its wrapping key, in memory, for importing the same material again
  --wrapped-out DIR    new folder for the wrapped-material bundle (with --wrap-bundle)
  --expires-at TIME    AES only: when the KMS should let the imported material expire (ISO 8601, UTC);
                       without it the material never expires`;

function badArguments(command: string, message: string): KeyferryError {
  return new KeyferryError('CLI_BAD_ARGUMENTS', message, `Run "keyferry ${command} --help" for the usage.`);
}

const count = z
  .string()
  .regex(/^\d{1,2}$/, 'must be a whole number')
  .transform(Number);

async function readInputFile(file: string, what: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw badArguments('custody', `The ${what} ${file} is not a file.`);
    if (stat.size > MAX_INPUT_FILE)
      throw badArguments('custody', `The ${what} ${file} is ${stat.size} bytes; it is at most a few kilobytes.`);
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof KeyferryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyferryError(
      'CLI_FILE_UNREADABLE',
      `Could not read the ${what} ${file}${code === 'ENOENT' ? ': no such file' : ` (${code ?? 'error'})`}.`,
      'Check the path and that the media is mounted.',
    );
  }
}

const SplitSchema = z.object({
  material: z.string({ error: 'The option --material FILE is required.' }).min(1),
  'key-spec': z.string({ error: 'The option --key-spec SPEC is required.' }).min(1),
  'ceremony-id': z.string({ error: 'The option --ceremony-id ID is required.' }).min(1),
  'key-id': z.string({ error: 'The option --key-id ID is required.' }).min(1),
  m: count.optional(),
  n: count.optional(),
  custodian: z.array(z.string()).default([]),
  out: z.array(z.string().min(1)).default([]),
  'passphrase-env': z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*$/,
      'The option --passphrase-env takes the NAME of an environment variable, not a passphrase.',
    )
    .optional(),
});

function readPassphrase(variable: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (variable === undefined) return undefined;
  const value = env[variable];
  if (value === undefined || value === '')
    throw badArguments(
      'custody split',
      `The environment variable ${variable} named by --passphrase-env is ${value === undefined ? 'not set' : 'empty'}.`,
    );
  return value;
}

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
  const passphrase = readPassphrase(options['passphrase-env'], io.env);
  const bytes = await readInputFile(path.resolve(io.cwd, options.material), 'key material file');
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
        const slip = renderCustodySlip(share);
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

function inFile(file: string, error: unknown): unknown {
  if (!(error instanceof KeyferryError)) return error;
  return new KeyferryError(error.code, `${path.basename(file)}: ${error.message}`, error.nextStep, { cause: error });
}

async function readShares(shareFiles: string[], typedFiles: string[], cwd: string): Promise<CustodyShare[]> {
  const shares: CustodyShare[] = [];
  try {
    for (const file of shareFiles) shares.push(await readShareFile(path.resolve(cwd, file)));
    for (const file of typedFiles) {
      const bytes = await readInputFile(path.resolve(cwd, file), 'typed share file');
      try {
        shares.push(parseTypedShare(bytes.toString('utf8')));
      } catch (error) {
        throw inFile(file, error);
      } finally {
        bytes.fill(0);
      }
    }
    return shares;
  } catch (error) {
    for (const share of shares) share.share.dispose();
    throw error;
  }
}

/** Checks --wrap-bundle / --wrapped-out / --expires-at before any share is read. */
function rewrapOptions(
  values: { 'wrap-bundle'?: string; 'wrapped-out'?: string; 'expires-at'?: string },
  cwd: string,
): { parametersDir: string; wrappedOutDir: string; materialExpiresAt?: Date } | undefined {
  const bundle = values['wrap-bundle'];
  const outDir = values['wrapped-out'];
  if (bundle === undefined && outDir === undefined) {
    if (values['expires-at'] !== undefined)
      throw badArguments('custody restore', '--expires-at is only for --wrap-bundle.');
    return undefined;
  }
  if (bundle === undefined || outDir === undefined) {
    throw badArguments('custody restore', '--wrap-bundle DIR and --wrapped-out DIR go together.');
  }
  const expiry = values['expires-at'];
  const at = expiry === undefined ? undefined : new Date(expiry);
  if (
    expiry !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(expiry) || Number.isNaN(at?.getTime()))
  ) {
    throw badArguments(
      'custody restore',
      `--expires-at "${expiry}" is not an ISO 8601 UTC time such as 2026-01-31T00:00:00Z.`,
    );
  }
  return {
    parametersDir: path.resolve(cwd, bundle),
    wrappedOutDir: path.resolve(cwd, outDir),
    ...(at ? { materialExpiresAt: at } : {}),
  };
}

async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('custody restore', args, {
    share: { type: 'string', multiple: true },
    typed: { type: 'string', multiple: true },
    out: { type: 'string' },
    'ceremony-id': { type: 'string' },
    'key-id': { type: 'string' },
    'key-spec': { type: 'string' },
    'wrap-bundle': { type: 'string' },
    'wrapped-out': { type: 'string' },
    'expires-at': { type: 'string' },
  });
  const rewrap = rewrapOptions(values, io.cwd);
  const shareFiles = values.share ?? [];
  const typedFiles = values.typed ?? [];
  if (shareFiles.length + typedFiles.length === 0)
    throw badArguments(
      'custody restore',
      'Give the shares with --share FILE (share files) and/or --typed FILE (typed slips).',
    );
  const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  if (
    out &&
    (await fs.lstat(out).then(
      () => true,
      () => false,
    ))
  ) {
    throw new KeyferryError(
      'OUTPUT_EXISTS',
      `${out} already exists; Keyferry never overwrites a file.`,
      'Choose a new file name for --out.',
    );
  }
  const expected = {
    ...(values['ceremony-id'] ? { ceremonyId: values['ceremony-id'] } : {}),
    ...(values['key-id'] ? { keyId: values['key-id'] } : {}),
    ...(values['key-spec'] ? { spec: parseKeySpec(values['key-spec']) } : {}),
  };
  const shares = await readShares(shareFiles, typedFiles, io.cwd);
  try {
    const material = await restoreMaterial(shares, { expected });
    try {
      const first = shares[0] as CustodyShare;
      const used = [...shares].sort((a, b) => a.index - b.index);
      io.stdout(
        `Rebuilt ${first.spec} key material of key ${first.keyId} (ceremony ${first.ceremonyId}) from ${shares.length} of ${first.n} shares (${first.m} needed):`,
      );
      for (const s of used) io.stdout(`  share ${s.index} of ${s.n}, custodian ${s.custodian}`);
      io.stdout(
        `Proof: the rebuilt material's ${describeMaterialCheck(first.materialCheck)} matches the value recorded in every share.`,
      );
      if (rewrap) {
        const result = await wrapRestoredMaterial({ material, keyId: first.keyId, now: new Date(), ...rewrap });
        io.stdout(
          `Wrapped for ceremony ${result.ceremonyId} under wrapping key SHA-256 ${groupHex(result.wrappingKeyFingerprint)}.`,
        );
        io.stdout(`Wrapped-material bundle written and verified: ${result.dir}`);
        io.stdout(`  manifest.json SHA-256 ${groupHex(result.digest)}`);
        for (const f of result.files) io.stdout(`  ${f.name}  ${f.size} bytes  sha256 ${f.sha256}`);
      }
      if (!out) {
        io.stdout('No plaintext file was written (give --out FILE to hand the material to an HSM).');
        return 0;
      }
      const written = await material.secret.use((bytes) => writeFileExclusive(out, bytes, { mode: 0o600 }));
      io.stdout(
        `Wrote ${written.path} (${written.size} bytes, mode 0600): ${first.spec === 'AES_256' ? 'the raw 32-byte AES key' : 'the private key as PKCS#8 DER'}.`,
      );
      io.stdout('This file is plaintext key material: hand it to the HSM, then destroy it.');
      return 0;
    } finally {
      material.dispose();
    }
  } finally {
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
    {
      name: 'custody restore',
      summary: 'Rebuild key material from M custody shares and prove it against the recorded check',
      usage: RESTORE_USAGE,
      run: (args, io) => runRestore(args, io),
    },
  ];
}

export const custodyCommands = createCustodyCommands();
