/**
 * `keyferry wrap`: wraps generated or existing key material under a KMS wrapping key and writes
 * the console's files. Files are written with writeFileExclusive, the RSA-OAEP ciphertext
 * (EncryptedKeyMaterial.bin, needed for every spec) last; if any write fails, every file this
 * run wrote is removed again (and the folder, if this run created it), so nothing half-done
 * remains. Passphrases come only from an environment variable, never from the command line. As
 * the custody commands without a ceremony, it runs the air-gapped network check before it makes or
 * reads material (refused on a live network unless --allow-network; it keeps no journal).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { groupHex } from '../../core/hex-groups';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import {
  consoleFileNames,
  DEFAULT_WRAPPING_ALGORITHM,
  generateKeyMaterial,
  loadKeyMaterial,
  loadWrappingPublicKey,
  parseKeySpec,
  parseWrappingAlgorithm,
  withWiped,
  wrapKeyMaterial,
  type KeyMaterial,
  type WrappedKeyMaterial,
} from '../../core/crypto/index';
import { requireImportableWrappingKey } from '../../core/bundle/wrapping-public-key';
import { KeyferryError } from '../../core/errors';
import {
  createFreshFolder,
  nodeFileLayer,
  writeFileExclusive,
  type FileLayer,
  type WrittenFile,
} from '../../core/fs/durable-file';
import { preflightDestinations } from '../../core/media/preflight';
import { cliTranslator } from '../cli-locale';
import { requireOption } from '../args';
import { defineCommand, type CliCommand, type CliIo } from '../command';
import { optionTable, type OptionValues } from '../options';
import { pathExists } from '../../core/fs/path-exists';
import { refuseOutputThroughLink } from '../../core/fs/linked-output';
import { writeAllOrNothing } from '../../core/fs/created-entries';
import { checkNetworkBeforeMaterial } from '../network-check-lines';

const NAME = 'wrap';

const OPTIONS = optionTable({
  'wrapping-key': { type: 'string', arg: 'FILE', help: 'cli.opt.wrap.wrapping-key' },
  'key-spec': { type: 'string', arg: 'SPEC', help: 'cli.opt.wrap.key-spec' },
  'wrapping-algorithm': { type: 'string', arg: 'ALG', help: 'cli.opt.wrapping-algorithm' },
  material: { type: 'string', arg: 'FILE', help: 'cli.opt.wrap.material' },
  'passphrase-env': { type: 'string', arg: 'VAR', help: 'cli.opt.passphrase-env' },
  out: { type: 'string', arg: 'DIR', help: 'cli.opt.wrap.out' },
  'no-backup': { type: 'boolean', help: 'cli.opt.wrap.no-backup' },
  'allow-network': { type: 'boolean', help: 'cli.opt.unjournaled.allow-network' },
});

interface WrapOptions {
  readonly wrappingKey: string;
  readonly keySpec: string;
  readonly out: string;
  readonly values: OptionValues<typeof OPTIONS>;
}

function requiredOptions(values: OptionValues<typeof OPTIONS>): WrapOptions {
  return {
    wrappingKey: requireOption(NAME, values['wrapping-key'], '--wrapping-key'),
    keySpec: requireOption(NAME, values['key-spec'], '--key-spec'),
    out: requireOption(NAME, values.out, '--out'),
    values,
  };
}

function readPassphrase(values: OptionValues<typeof OPTIONS>, env: NodeJS.ProcessEnv): string | undefined {
  const variable = values['passphrase-env'];
  if (variable === undefined) return undefined;
  if (values.material === undefined)
    throw new KeyferryError('CLI_OPTION_NEEDS', { option: '--passphrase-env', needs: '--material' });
  return secretFromEnvironment('passphrase-env', variable, env);
}

/** Checks the output folder before any work: whether to create it, and that no target file exists. */
async function checkOutFolder(outDir: string, names: string[]): Promise<boolean> {
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (!stat) return true;
  if (!stat.isDirectory()) throw new KeyferryError('OUTPUT_EXISTS', { what: 'notFolder', path: outDir });
  for (const name of names) {
    if (await pathExists(path.join(outDir, name))) {
      throw new KeyferryError('OUTPUT_EXISTS', { what: 'inFolder', path: name });
    }
  }
  return false;
}

function filesToWrite(wrapped: WrappedKeyMaterial): Array<[string, Buffer]> {
  const names = consoleFileNames(wrapped.spec);
  const files: Array<[string, Buffer]> = [];
  if (names.publicKey && wrapped.publicKeySpkiDer) files.push([names.publicKey, wrapped.publicKeySpkiDer]);
  if (names.encryptedPrivateKey && wrapped.encryptedPrivateKey)
    files.push([names.encryptedPrivateKey, wrapped.encryptedPrivateKey]);
  files.push([names.encryptedKeyMaterial, wrapped.encryptedKeyMaterial]);
  return files;
}

/** Writes every file, all or nothing: on failure what this run wrote (and the folder it created) is removed again. */
async function writeOutputs(
  outDir: string,
  createDir: boolean,
  wrapped: WrappedKeyMaterial,
  layer: FileLayer,
): Promise<WrittenFile[]> {
  return writeAllOrNothing(
    async (recording) => {
      if (createDir) await createFreshFolder(outDir, recording);
      const written: WrittenFile[] = [];
      for (const [name, data] of filesToWrite(wrapped))
        written.push(await writeFileExclusive(path.join(outDir, name), data, { layer: recording }));
      return written;
    },
    { layer },
  );
}

async function obtainMaterial(
  options: OptionValues<typeof OPTIONS>,
  spec: ReturnType<typeof parseKeySpec>,
  passphrase: string | undefined,
  cwd: string,
): Promise<KeyMaterial> {
  if (options.material === undefined) return generateKeyMaterial(spec);
  const bytes = await readInputFile(path.resolve(cwd, options.material), 'material', SMALL_INPUT_FILE_BYTES);
  return withWiped(bytes, (fileBytes) => loadKeyMaterial(spec, fileBytes, passphrase));
}

function report(
  io: CliIo,
  wrapped: WrappedKeyMaterial,
  bits: number,
  generated: boolean,
  outDir: string,
  written: WrittenFile[],
): void {
  const { t } = cliTranslator(io);
  const { spec, algorithm, evidence } = wrapped;
  io.stdout(t('wrap.cli.wrapped', { generated: generated ? 'yes' : 'no', spec, algorithm }));
  io.stdout(t('wrap.cli.wrapping-key', { bits, hex: groupHex(evidence.wrappingKeyFingerprint) }));
  if (evidence.publicKeyFingerprint)
    io.stdout(t('wrap.cli.public-key', { hex: groupHex(evidence.publicKeyFingerprint) }));
  if (evidence.keyCheckValue) io.stdout(t('wrap.cli.kcv', { hex: groupHex(evidence.keyCheckValue) }));
  if (bits !== 2048) io.stdout(t('wrap.cli.not-2048', { bits }));
  io.stdout(t('wrap.cli.files', { dir: outDir }));
  for (const file of written)
    io.stdout(
      t('wrap.cli.file', {
        name: path.basename(file.path).padEnd(26),
        size: String(file.size).padStart(5),
        sha256: file.sha256,
      }),
    );
}

/** Builds the wrap command; tests inject a FileLayer to simulate failing media. */
export function createWrapCommand(deps: { layer?: FileLayer } = {}): CliCommand {
  const layer = deps.layer ?? nodeFileLayer;
  return defineCommand({
    name: NAME,
    synopsis: ['--wrapping-key FILE --key-spec SPEC --out DIR [options]'],
    options: OPTIONS,
    notes: ['cli.note.wrap'],
    async run({ values }, io) {
      const options = requiredOptions(values);
      const spec = parseKeySpec(options.keySpec);
      const algorithm = parseWrappingAlgorithm(values['wrapping-algorithm'] ?? DEFAULT_WRAPPING_ALGORITHM);
      const passphrase = readPassphrase(values, io.env);
      const outDir = path.resolve(io.cwd, options.out);
      const names = Object.values(consoleFileNames(spec)) as string[];
      // A link as --out (or above it) is named as one, before checkOutFolder looks through it.
      await refuseOutputThroughLink({ role: 'console', folder: outDir });
      const createDir = await checkOutFolder(outDir, names);
      const wrappingKey = loadWrappingPublicKey(
        await readInputFile(path.resolve(io.cwd, options.wrappingKey), 'wrappingKey', SMALL_INPUT_FILE_BYTES),
      );
      requireImportableWrappingKey({ file: options.wrappingKey }, wrappingKey);
      if (values.material === undefined && !values['no-backup'])
        throw new KeyferryError('WRAP_NO_BACKUP_NOT_ACKNOWLEDGED', { spec });
      await preflightDestinations([
        {
          role: 'console',
          folder: outDir,
          expect: createDir ? 'new-or-empty' : 'existing',
          fileNames: names,
          bytes: 64 * 1024,
          entries: names.length,
        },
      ]);
      // Plaintext material is made or read only where no network is up (the air-gapped check).
      checkNetworkBeforeMaterial(io, values['allow-network']);
      const material = await obtainMaterial(values, spec, passphrase, io.cwd);
      let wrapped: WrappedKeyMaterial;
      try {
        wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
      } finally {
        material.dispose();
      }
      const written = await writeOutputs(outDir, createDir, wrapped, layer);
      report(io, wrapped, wrappingKey.bits, values.material === undefined, outDir, written);
      if (values.material === undefined) io.stdout(cliTranslator(io).t('cli.wrap-no-backup-acknowledged', { spec }));
      return 0;
    },
  });
}

export const wrapCommand = createWrapCommand();
