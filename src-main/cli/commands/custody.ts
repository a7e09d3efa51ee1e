/**
 * `keyferry custody split` and `keyferry custody restore` (custody-restore.ts): M-of-N custody of
 * key material. Split makes a custody set of the one key (share format 2, as the air-gapped
 * ceremony does) and writes each custodian's folder with core/custody/custodian-folders.ts: their
 * share file, its printable slip, the backup file and its printout, each folder on its own
 * volume and none on the workstation's (core/media/custodian-volumes.ts). Passphrases come only
 * from an environment variable. Split reads plaintext material, so
 * it first runs the air-gapped network check (refused on a live network unless --allow-network).
 */
import path from 'node:path';
import { loadKeyMaterial, parseKeySpec, type KeyMaterial } from '../../core/crypto/index';
import { writeCustodySet } from '../../core/custody/custodian-folders';
import { splitCustodySet, type CustodySet } from '../../core/custody/set-split';
import { requireDestinationFolder, type VolumeIdOf } from '../../core/custody/write-shares';
import { volumeIdOf as mediaVolumeIdOf } from '../../core/media/folder-info';
import { checkCustodianNames } from '../../core/custody/custodian-names';
import { refuseSplitWithoutRoom } from '../../core/media/preflight';
import { custodianBytes, CUSTODIAN_ENTRIES } from '../../core/ceremony/airgap/preflight';
import {
  refuseCustodianVolumes,
  refuseNestedCustodianFolders,
  refuseSameCustodianFolder,
  volumeOrNothing,
  workstationPlaces,
} from '../../core/media/custodian-volumes';
import { checkIdentifier } from '../../core/identifier-check';
import { groupHex } from '../../core/hex-groups';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { requireOption } from '../args';
import { ceremonyReceiptLanguage, cliTranslator } from '../cli-locale';
import { defineCommand, type CliCommand, type CliIo } from '../command';
import { KeyferryError } from '../../core/errors';
import { parseWholeNumberOption } from '../number-option';
import { optionTable, type OptionValues } from '../options';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import { custodyRestoreCommand } from './custody-restore';
import { withdrawCustodyWrites } from '../../core/custody/withdraw-custody';
import { newCreatedRecord, type CreatedEntries } from '../../core/fs/created-entries';
import { pauseForTest } from '../test-pause';
import { abortWriteOnStop, type StoppableWrite } from '../stoppable-write';
import { checkNetworkBeforeMaterial } from '../network-check-lines';
import { listText } from '../../i18n/list';

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
  'allow-network': { type: 'boolean', help: 'cli.opt.unjournaled.allow-network' },
  'shares-on-one-volume': { type: 'boolean', help: 'cli.opt.custody-split.shares-on-one-volume' },
});

/** Shares per split: at least 2, at most 16 (core/custody checks M <= N). */
const SHARE_RANGE = { min: 2, max: 16 };

async function runSplit(
  values: OptionValues<typeof SPLIT_OPTIONS>,
  io: CliIo,
  volumeIdOf: VolumeIdOf | undefined,
): Promise<number> {
  const ceremonyId = checkIdentifier(
    'ceremonyId',
    requireOption(NAME, values['ceremony-id'], '--ceremony-id'),
    '--ceremony-id',
  );
  const keyId = checkIdentifier('keyId', requireOption(NAME, values['key-id'], '--key-id'), '--key-id');
  const materialFile = requireOption(NAME, values.material, '--material');
  const specText = requireOption(NAME, values['key-spec'], '--key-spec');
  const custodians = values.custodian ?? [];
  const outs = values.out ?? [];
  const m = parseWholeNumberOption('--m', requireOption(NAME, values.m, '--m'), SHARE_RANGE, 0);
  const n = parseWholeNumberOption('--n', requireOption(NAME, values.n, '--n'), SHARE_RANGE, 0);
  if (outs.length !== n) throw new KeyferryError('CLI_SHARE_COUNT', { what: 'outFolders', given: outs.length, n });
  const spec = parseKeySpec(specText);
  // The names first (one person twice, an invisible character): refused before any folder is looked at or the material read.
  if (custodians.length !== n) throw new KeyferryError('CUSTODY_SET_CUSTODIANS', { count: custodians.length, n });
  const names = checkCustodianNames(custodians);
  // The material is plaintext: the air-gapped side's network check, before the file is read.
  checkNetworkBeforeMaterial(io, values['allow-network']);
  const folders = outs.map((d) => path.resolve(io.cwd, d));
  const given = folders.map((folder, i) => ({ index: i + 1, custodian: names[i] as string, folder }));
  refuseSameCustodianFolder(given);
  refuseNestedCustodianFolders(given);
  // A rehearsal's folders on one disk: each folder counts as a volume of its own (airgap wrap's option too).
  const volumes = values['shares-on-one-volume'] ? (folder: string) => path.resolve(folder) : volumeIdOf;
  if (!values['shares-on-one-volume'])
    await refuseOutVolumes(
      path.resolve(io.cwd, materialFile),
      path.resolve(io.cwd),
      given,
      volumeIdOf ?? mediaVolumeIdOf,
    );
  // Every custodian's folder is there (their stick mounted) before the plaintext is read, as README says.
  for (const [i, folder] of folders.entries()) await requireDestinationFolder(folder, i + 1);
  // Room for the share, its slip and the backup on each stick, before the material is read.
  await refuseSplitWithoutRoom(given, { bytes: custodianBytes([{ keySpec: spec }]), entries: CUSTODIAN_ENTRIES });
  const passphrase = secretFromEnvironment('passphrase-env', values['passphrase-env'], io.env);
  const bytes = await readInputFile(path.resolve(io.cwd, materialFile), 'material', SMALL_INPUT_FILE_BYTES);
  let material: KeyMaterial;
  try {
    material = loadKeyMaterial(spec, bytes, passphrase);
  } finally {
    bytes.fill(0);
  }
  let set: CustodySet | undefined;
  const created = newCreatedRecord();
  const stoppable = withdrawOnStop(io, created);
  try {
    // One key's custody is a custody set of one key: the same folders the air-gapped ceremony writes.
    set = await splitCustodySet({ ceremonyId, m, n, custodians, keys: [{ keyId, spec, material }] });
    const writes = writeCustodySet(set, {
      m,
      n,
      folders,
      language: ceremonyReceiptLanguage(io),
      // No ceremony title here (a material file is split on its own): the slips say when.
      slipContext: { splitAt: new Date() },
      volumeIdOf: volumes,
      signal: stoppable.signal,
      created,
      afterCustodian: () => pauseForTest(io, 'custody-split-first-folder', stoppable.signal),
    });
    const { written, backupFile } = await stoppable.writing(writes);
    // A stop as the last file went in removes them all the same: no share is named as written (its line says it).
    if (stoppable.signal.aborted) return 1;
    const { t } = cliTranslator(io);
    const check = set.backup.entries[0]?.materialCheck;
    io.stdout(t('cli.custody.split-done', { spec, keyId, ceremonyId, m, n, backup: backupFile }));
    if (check)
      io.stdout(
        t('cli.custody.split-check', {
          kind: check.kind,
          value: check.kind === 'kcv' ? check.value : groupHex(check.value),
        }),
      );
    io.stdout(t('cli.custody.split-written', {}));
    for (const w of written) {
      io.stdout(
        t('cli.custody.split-share', {
          index: w.index,
          n,
          custodian: w.custodian,
          file: w.shareFile.path,
          sha256: w.shareFile.sha256,
        }),
      );
      for (const c of w.companions) io.stdout(t('cli.custody.split-companion', { file: c.path }));
    }
    io.stdout(t('cli.custody.split-next', {}));
    if (values['shares-on-one-volume']) io.stdout(t('airgap.shares-one-volume'));
    io.stdout(t('cli.custody.split-material-file', { file: materialFile }));
    return 0;
  } finally {
    stoppable.unregister();
    material.dispose();
    for (const share of set?.shares ?? []) share.share.dispose();
  }
}

/**
 * A share written on the workstation's own disk stays beside the plaintext key: a custodian's
 * stick that is not mounted leaves its folder's path there. So each --out must be on a volume of its
 * own and on none of the workstation's (core/media/custodian-volumes.ts, the air-gapped ceremony's
 * rule too): refused before the material is read. A folder that cannot be read is left to the
 * check that names it before writing.
 */
async function refuseOutVolumes(
  materialFile: string,
  cwd: string,
  folders: readonly { index: number; custodian: string; folder: string }[],
  volumeIdOf: VolumeIdOf,
): Promise<void> {
  const custodians = [];
  for (const given of folders) {
    // A folder not made yet: the volume of the folder it would be in (a stick not mounted leaves that on
    // the workstation's disk, said so here rather than as a folder to create "on the custodian's media").
    const volumeId =
      (await volumeOrNothing(given.folder, volumeIdOf)) ??
      (await volumeOrNothing(path.dirname(given.folder), volumeIdOf));
    custodians.push({ ...given, volumeId });
  }
  await refuseCustodianVolumes(custodians, workstationPlaces({ material: materialFile, cwd }), volumeIdOf, 'split');
}

/**
 * A stop (Ctrl-C) during the split does what a stopped air-gapped ceremony does with its custody
 * files: no further file is written, those written are removed (withdraw-custody.ts), and one line
 * says so. Without it the process would end with part of a custody set on the custodians' media.
 */
function withdrawOnStop(io: CliIo, created: CreatedEntries): StoppableWrite {
  return abortWriteOnStop(io, async (context) => {
    const withdrawn = await withdrawCustodyWrites(created);
    context.line = cliTranslator(io).t('cli.custody.split-stopped', {
      signal: context.signal,
      removed: withdrawn.removedFiles,
      folders: listText(cliTranslator(io), withdrawn.folders),
      left: withdrawn.leftFiles.length,
      leftFiles: listText(cliTranslator(io), withdrawn.leftFiles),
      moved: withdrawn.movedFiles.length,
      movedFiles: listText(cliTranslator(io), withdrawn.movedFiles),
    });
  });
}

/** Builds the custody commands; tests inject volumeIdOf (otherwise each folder's device number). */
export function createCustodyCommands(deps: { volumeIdOf?: VolumeIdOf } = {}): CliCommand[] {
  return [
    defineCommand({
      name: NAME,
      synopsis: [
        '--material FILE --key-spec SPEC --ceremony-id ID --key-id ID',
        '    --m M --n N --custodian NAME (N times) --out DIR (N times) [--passphrase-env VAR] [--allow-network] [--shares-on-one-volume]',
      ],
      options: SPLIT_OPTIONS,
      run: ({ values }, io) => runSplit(values, io, deps.volumeIdOf),
    }),
    custodyRestoreCommand,
  ];
}

export const custodyCommands = createCustodyCommands();
