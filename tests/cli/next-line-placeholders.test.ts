/**
 * A Next line pasted with MEDIA (the removable media's placeholder) left in a path: refused before the
 * command runs, saying to replace it, with nothing written; other values (an alias) and ./MEDIA/… are
 * taken as given. Likewise the `custody restore` line's SHARE-1 … share files and its --expires EXPIRY
 * (as `online params` and `online status` print it), which says what the option takes, original included.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/bundle/bundle-fixtures';
import { keyferry } from '../integration/cli-in-process';

/** A fresh empty working folder, removed after the file. */
const folder = () => tempDir('kf-next-line-placeholders-');

const WRAP = [
  'airgap',
  'wrap',
  '--journal',
  'airgap.jsonl',
  '--operator',
  'Ana',
  '--witness',
  'Ben',
  '--allow-network',
];

describe('MEDIA left in a pasted command line', () => {
  it('is refused before anything runs, naming the value and what to replace it with; nothing is written', async () => {
    const dir = await folder();
    const run = await keyferry([...WRAP, '--bundle', 'MEDIA/import-parameters-KF-1', '--out', 'MEDIA/wrapped-KF-1'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry airgap wrap: MEDIA/import-parameters-KF-1 still starts with MEDIA, the placeholder the printed Next line gives for the removable media’s folder. Nothing was run. Replace MEDIA with the folder where this workstation mounts the media (e.g. /media/usb), then run the line again (a folder really named MEDIA here: write ./MEDIA/…).',
    );
    // Not even the journal: the command never started.
    expect(await readdir(dir)).toEqual([]);
  });

  it('in an --option=value word too, and in Chinese', async () => {
    const dir = await folder();
    const run = await keyferry(
      ['--lang', 'zh-CN', 'online', 'import', '--journal', 'online.jsonl', '--bundle=MEDIA/wrapped-KF-1'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('keyferry online import: MEDIA/wrapped-KF-1 仍以 MEDIA 开头');
    expect(run.stderr).toContain('请将 MEDIA 替换为本工作站挂载该介质的文件夹');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a folder really named MEDIA is reached as ./MEDIA/…, which is taken as given (the command reports its own problem)', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'MEDIA'));
    const run = await keyferry(
      [...WRAP, '--bundle', './MEDIA/import-parameters-KF-1', '--out', './MEDIA/wrapped-KF-1'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('still starts with MEDIA');
    expect(run.stderr).toContain(path.join(dir, 'MEDIA', 'import-parameters-KF-1'));
  });

  it('only path values are looked at: a key alias, a title or a witness may start with MEDIA', async () => {
    const dir = await folder();
    const run = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'j.jsonl',
        '--alias',
        'MEDIA/signing',
        '--spec',
        'AES_256',
        '--operator',
        'MEDIA',
        '--witness',
        'Bob',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('still starts with MEDIA');
    // It went on to the next thing the command needs (credentials), past the alias and the operator.
    expect(run.stderr).toContain('No KMS credentials were given');
  });

  it('a positional path and a Windows separator are looked at too; an unknown option is refused first', async () => {
    const dir = await folder();
    const verify = await keyferry(['journal', 'verify', 'MEDIA\\airgap.jsonl'], { cwd: dir });
    expect(verify.stderr).toContain('keyferry journal verify: MEDIA\\airgap.jsonl still starts with MEDIA');
    const bogus = await keyferry([...WRAP, '--bundle', 'MEDIA/x', '--bogus'], { cwd: dir });
    expect(bogus.stderr).toContain('This command has no option --bogus.');
  });
});

describe('the custody restore line pasted with SHARE-1 or EXPIRY left in it', () => {
  /** `custody restore` as `online params` prints it, MEDIA replaced; `extra` last. */
  const restoreLine = (...extra: string[]) => [
    ...['custody', 'restore', '--bundle', 'usb/params-2', '--wrapped-out', 'usb/wrapped-2'],
    ...['--journal', 'restore.jsonl', '--operator', 'Ana', '--witness', 'Ben'],
    ...extra,
  ];

  it('SHARE-1 is refused as a placeholder, not as a share file that cannot be read; nothing is written', async () => {
    const dir = await folder();
    const run = await keyferry(restoreLine('--share', 'SHARE-1', '--share', 'SHARE-2', '--expires', 'never'), {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry custody restore: SHARE-1 is the placeholder the printed Next line gives for a custodian’s share file. Nothing was run. Replace each SHARE-1, SHARE-2 … with the path of a share file a custodian brings (keyferry-share-….json on their media), then run the line again (a file really named SHARE-1 here: write ./SHARE-1).',
    );
    expect(run.stderr).not.toContain('Could not read the share file');
    const zh = await keyferry(['--lang', 'zh-CN', ...restoreLine('--share', 'SHARE-1', '--expires', 'never')], {
      cwd: dir,
    });
    expect(zh.stderr).toBe(
      'keyferry custody restore: SHARE-1 是所打印的“下一步”命令中代表保管人份额文件的占位符。未执行任何操作。请将 SHARE-1、SHARE-2 … 逐一替换为保管人带来的份额文件的路径（其介质上的 keyferry-share-….json），然后重新执行该命令（若此处确有名为 SHARE-1 的文件，请写成 ./SHARE-1）。',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('--expires EXPIRY is refused as a placeholder naming every value it takes, original included; the journal is not touched', async () => {
    const dir = await folder();
    // The journal of an earlier session exists: a placeholder is not an attempt at the ceremony.
    await writeFile(path.join(dir, 'restore.jsonl'), '');
    await writeFile(path.join(dir, 'share-1.json'), '{}');
    const run = await keyferry(restoreLine('--share', 'share-1.json', '--expires', 'EXPIRY'), { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry custody restore: --expires EXPIRY is the placeholder the printed Next line gives for the material expiry of the restored keys. Nothing was run. Replace EXPIRY with original (each key keeps the expiry it had, only while that is still in the future: the printed line says when it has passed), never, a duration from now such as 90d, or a date-time with its zone such as 2030-01-31T00:00:00Z, then run the line again.',
    );
    const zh = await keyferry(['--lang', 'zh-CN', ...restoreLine('--share', 'share-1.json', '--expires', 'EXPIRY')], {
      cwd: dir,
    });
    expect(zh.stderr).toBe(
      'keyferry custody restore: --expires EXPIRY 是所打印的“下一步”命令中代表恢复后密钥的密钥材料到期时间的占位符。未执行任何操作。请将 EXPIRY 替换为 original（各密钥沿用原到期时间，仅当其仍在未来时可用：打印的那一行会说明是否已过）、never、从现在起的时长（如 90d）或带时区的日期时间（如 2030-01-31T00:00:00Z），然后重新执行该命令。',
    );
    expect(await readdir(dir)).toEqual(['restore.jsonl', 'share-1.json']);
    expect(await readFile(path.join(dir, 'restore.jsonl'), 'utf8')).toBe('');
  });

  it('a file really named SHARE-1 is reached as ./SHARE-1, which is taken as given', async () => {
    const dir = await folder();
    const run = await keyferry(restoreLine('--share', './SHARE-1', '--expires', 'never'), { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('is the placeholder');
    expect(run.stderr).toContain(path.join(dir, 'SHARE-1'));
  });
});

describe('placeholders of several kinds left in one pasted line', () => {
  it('are all named in one refusal, with what to put in place of each kind; nothing is written', async () => {
    const dir = await folder();
    const line = [
      ...['custody', 'restore', '--bundle', 'MEDIA/import-parameters-KF-2', '--wrapped-out', 'usb/wrapped-2'],
      ...['--journal', 'restore.jsonl', '--operator', 'Ana', '--witness', 'Ben'],
      ...['--share', 'SHARE-1', '--share', 'share-2.json', '--expires', 'EXPIRY'],
    ];
    const run = await keyferry(line, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry custody restore: This line still holds 3 placeholders of the printed Next line: --bundle MEDIA/import-parameters-KF-2, --share SHARE-1, --expires EXPIRY. Nothing was run. Replace MEDIA with the folder where this workstation mounts the media (e.g. /media/usb). Replace each SHARE-1, SHARE-2 … with the path of a share file a custodian brings (keyferry-share-….json on their media). Replace EXPIRY with original (each key keeps the expiry it had, only while that is still in the future: the printed line says when it has passed), never, a duration from now such as 90d, or a date-time with its zone such as 2030-01-31T00:00:00Z. Then run the line again (a file or folder really so named here: write ./ before its name).',
    );
    expect(await readdir(dir)).toEqual([]);
    const zh = await keyferry(['--lang', 'zh-CN', ...line], {
      cwd: dir,
    });
    expect(zh.stderr).toBe(
      'keyferry custody restore: 该命令中仍有 3 个所打印的“下一步”命令中的占位符：--bundle MEDIA/import-parameters-KF-2、--share SHARE-1、--expires EXPIRY。未执行任何操作。请将 MEDIA 替换为本工作站挂载该介质的文件夹（例如 /media/usb）。请将 SHARE-1、SHARE-2 … 逐一替换为保管人带来的份额文件的路径（其介质上的 keyferry-share-….json）。请将 EXPIRY 替换为 original（各密钥沿用原到期时间，仅当其仍在未来时可用：打印的那一行会说明是否已过）、never、从现在起的时长（如 90d）或带时区的日期时间（如 2030-01-31T00:00:00Z）。然后重新执行该命令（若此处确有同名的文件或文件夹，请在其名称前写上 ./）。',
    );
  });

  it('one kind alone keeps its own message, whichever option holds it', async () => {
    const dir = await folder();
    const run = await keyferry([...WRAP, '--bundle', 'MEDIA/import-parameters-KF-1', '--out', 'MEDIA/wrapped-KF-1'], {
      cwd: dir,
    });
    expect(run.stderr).toContain('MEDIA/import-parameters-KF-1 still starts with MEDIA');
    expect(run.stderr).not.toContain('placeholders of the printed Next line:');
  });
});

describe('DIGEST, EXPIRY and PKCS11-MODULE left in a pasted line', () => {
  it('an online import line as online status prints it: both named before anything connects, EXPIRY without "original"', async () => {
    const dir = await folder();
    const line = ['online', 'import', '--journal', 'online.jsonl', '--bundle', 'wrapped-KF-1'];
    const run = await keyferry([...line, '--expect-digest', 'DIGEST', '--expires', 'EXPIRY'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'This line still holds 2 placeholders of the printed Next line: --expect-digest DIGEST, --expires EXPIRY. Nothing was run.',
    );
    expect(run.stderr).toContain('Replace DIGEST with “Wrapped-material bundle digest” under “Seals”');
    expect(run.stderr).toContain('Replace EXPIRY with never, a duration from now');
    const digestOnly = await keyferry([...line, '--expect-digest', 'DIGEST'], { cwd: dir });
    expect(digestOnly.stderr).toContain('--expect-digest DIGEST is the placeholder the printed Next line gives');
    expect(await readdir(dir)).toEqual([]);
  });

  it('an airgap wrap line as online params prints it after an expiry warning: the wrap’s EXPIRY, counted from the KMS’s time', async () => {
    const dir = await folder();
    const run = await keyferry([...WRAP, '--bundle', 'params', '--out', 'wrapped', '--expires', 'EXPIRY'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry airgap wrap: --expires EXPIRY is the placeholder the printed Next line gives for the material expiry of the keys this wrap makes. Nothing was run. Replace EXPIRY with never, a duration such as 90d (counted from the KMS’s time as the bundle’s import tokens show it), or a date-time with its zone such as 2030-01-31T00:00:00Z, then run the line again.',
    );
    const zh = await keyferry(
      ['--lang', 'zh-CN', ...WRAP, '--bundle', 'params', '--out', 'wrapped', '--expires', 'EXPIRY'],
      {
        cwd: dir,
      },
    );
    expect(zh.stderr).toBe(
      'keyferry airgap wrap: --expires EXPIRY 是所打印的“下一步”命令中代表本次包装所生成密钥的密钥材料到期时间的占位符。未执行任何操作。请将 EXPIRY 替换为 never、时长（如 90d，从参数包的导入令牌所示的 KMS 时间起算）或带时区的日期时间（如 2030-01-31T00:00:00Z），然后重新执行该命令。',
    );
    const withMedia = await keyferry([...WRAP, '--bundle', 'MEDIA/params', '--out', 'wrapped', '--expires', 'EXPIRY'], {
      cwd: dir,
    });
    expect(withMedia.stderr).toContain(
      'Replace EXPIRY with never, a duration such as 90d (counted from the KMS’s time as the bundle’s import tokens show it)',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('the custody split’s M/N, NAME and DIR of the printed wrap line, alone and among the others', async () => {
    const dir = await folder();
    const custody = ['--custody', 'M/N', '--custodian', 'NAME', '--custodian-folder', 'DIR'];
    const alone = await keyferry([...WRAP, '--bundle', 'params', '--out', 'wrapped', ...custody], { cwd: dir });
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe(
      'keyferry airgap wrap: --custody M/N, --custodian NAME, --custodian-folder DIR are the placeholders the printed Next line gives for the custody split. Nothing was run. Replace M/N with the shares needed and the shares made (e.g. 2/3), and give --custodian NAME --custodian-folder DIR once for each of the N custodians, with their name and the folder of their own media (a folder really named DIR: write ./DIR); then run the line again. Without a custody copy, leave those options out: the wrap then asks for --no-backup or --expires never for AES material that expires.',
    );
    // M/N replaced, a custodian's name left: still refused, before a share slip could print "NAME".
    const wrapWith = (...custodyGiven: string[]) =>
      keyferry([...WRAP, '--bundle', 'params', '--out', 'wrapped', '--custody', '2/2', ...custodyGiven], { cwd: dir });
    const name = await wrapWith('--custodian', 'Cara', '--custodian', 'NAME');
    // Which custodian's, and only what is left to replace (a trial: "Replace M/N" once M/N was given).
    expect(name.stderr).toBe(
      'keyferry airgap wrap: --custodian NAME is the placeholder the printed Next line gives for the custody split, left for custodian 2. Nothing was run. Replace NAME with the custodian’s name and DIR with the folder of their own media (a folder really named DIR: write ./DIR); then run the line again. Without a custody copy, leave those options out: the wrap then asks for --no-backup or --expires never for AES material that expires.',
    );
    const among = await wrapWith('--custodian', 'NAME', '--custodian-folder', 'DIR', '--expires', 'EXPIRY');
    expect(among.stderr).toContain(
      'Replace NAME with the custodian’s name and DIR with the folder of their own media.',
    );
    expect(among.stderr).not.toContain('M/N');
    // As online params prints the line: every placeholder named in one refusal.
    const printed = await keyferry(
      [...WRAP, '--bundle', 'MEDIA/params', ...custody, '--expires', 'EXPIRY', '--out', 'MEDIA/wrapped'],
      { cwd: dir },
    );
    expect(printed.stderr).toContain(
      'This line still holds 6 placeholders of the printed Next line: --bundle MEDIA/params, --custody M/N, --custodian NAME, --custodian-folder DIR, --expires EXPIRY, --out MEDIA/wrapped. Nothing was run.',
    );
    expect(printed.stderr).toContain('Replace M/N with the shares needed and made (e.g. 2/3)');
    const zh = await keyferry(['--lang', 'zh-CN', ...WRAP, '--bundle', 'params', '--out', 'wrapped', ...custody], {
      cwd: dir,
    });
    expect(zh.stderr).toContain('是所打印的“下一步”命令中代表托管拆分的占位符。未执行任何操作。');
    // A folder really named DIR, written ./DIR, is taken as given (refused later for what it is, not as a placeholder).
    const real = await wrapWith('--custodian', 'Cara', '--custodian-folder', './DIR');
    expect(real.stderr).not.toContain('placeholder');
    expect(await readdir(dir)).not.toContain('airgap.jsonl.lock');
  });

  it('an HSM line’s PKCS11-MODULE, before the PIN is asked for or a witness types', async () => {
    const dir = await folder();
    const hsm = ['--hsm-module', 'PKCS11-MODULE', '--hsm-token', 'vault', '--hsm-pin-env', 'HSM_PIN'];
    const run = await keyferry([...WRAP, '--bundle', 'params', '--out', 'wrapped', ...hsm], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'PKCS11-MODULE is the placeholder the printed Next line gives for the HSM’s PKCS#11 library',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
