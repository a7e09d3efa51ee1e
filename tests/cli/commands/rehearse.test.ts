import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRehearsalFolder } from '../../../src-main/cli/commands/rehearse';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-rehearse-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry rehearse', () => {
  it('names its default folder after the time, so it never collides with an earlier run', () => {
    expect(defaultRehearsalFolder(new Date('2025-03-01T09:05:07Z'))).toBe('keyferry-rehearsal-20250301-090507');
  });

  it('refuses unknown or unimportable specs and custodians without custody, before writing anything', async () => {
    const hmac = await keyferry(['rehearse', '--specs', 'AES_256,HMAC_256'], { cwd: dir });
    expect(hmac.code).toBe(1);
    expect(hmac.stderr).toMatch(/HMAC_256 cannot be imported/);
    const twice = await keyferry(['rehearse', '--specs', 'AES_256,aes_256'], { cwd: dir });
    expect(twice.stderr).toMatch(/names a spec twice/);
    const custodian = await keyferry(['rehearse', '--custodian', 'Dora'], { cwd: dir });
    expect(custodian.stderr).toMatch(/--custodian was given without --custody/);
    const badCustody = await keyferry(['rehearse', '--custody', '3/2'], { cwd: dir });
    expect(badCustody.stderr).toMatch(/not a custody split/);
    // A pasted name carrying a zero-width space cannot go into the wrapped bundle's manifest: it was
    // refused only after the material and the custody set existed; now before anything.
    const pasted = await keyferry(
      ['rehearse', '--custody', '2/2', '--custodian', 'Bob\u200b', '--custodian', 'Carol', '--out', 'r'],
      { cwd: dir },
    );
    expect(pasted.code).toBe(1);
    expect(pasted.stderr).toContain('The name of custodian 1 ("Bob") contains an invisible character, U+200B');
    expect(await readdir(dir)).toEqual([]);
  });

  it('rehearses with M-of-N custody: shares in custodian folders, holders journaled by name, never the share', async () => {
    const run = await keyferry(
      [
        'rehearse',
        '--specs',
        'AES_256,EC_P256',
        '--custody',
        '2/3',
        '--custodian',
        'Dora',
        '--custodian',
        'Emil',
        '--custodian',
        'Farah',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Each key's progress, not only the first one's.
    for (const line of [
      'Creating EC_P256 key rehearsal/ec_p256',
      'Fetching import parameters for rehearsal/ec_p256',
      'Generating EC_P256 key 2 of 2',
      'Wrapping key 2 of 2',
      'Importing EC_P256 key rehearsal/ec_p256',
      'Verifying EC_P256 key rehearsal/ec_p256',
    ])
      expect(run.stdout).toContain(`  ${line}\n`);
    const out = path.join(dir, (await readdir(dir))[0] as string);
    expect(path.basename(out)).toMatch(/^keyferry-rehearsal-\d{8}-\d{6}$/);
    for (const i of [1, 2, 3]) {
      const shares = (await readdir(path.join(out, `custodian-${i}`))).filter((f) => f.endsWith('.json'));
      // One custody set: one share per custodian for both keys, and the backup file (and its printout) beside it.
      expect(shares).toHaveLength(1);
      expect(shares.every((f) => f.endsWith(`-${i}of3.json`))).toBe(true);
      expect(
        (await readdir(path.join(out, `custodian-${i}`))).filter((f) => f.startsWith('keyferry-backup-')).sort(),
      ).toEqual([
        expect.stringMatching(/^keyferry-backup-.*\.html$/),
        expect.stringMatching(/^keyferry-backup-.*\.txt$/),
      ]);
    }
    const journal = (await readFile(path.join(out, 'airgap', 'journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
    const splits = journal.filter((e) => e.event === 'custody.split');
    expect(splits).toHaveLength(1);
    expect(splits[0]?.data.keyIds).toHaveLength(2);
    expect(splits[0]?.data.holders).toEqual([
      expect.objectContaining({ shareIndex: 1, custodian: 'Dora' }),
      expect.objectContaining({ shareIndex: 2, custodian: 'Emil' }),
      expect.objectContaining({ shareIndex: 3, custodian: 'Farah' }),
    ]);
    expect(JSON.stringify(splits)).not.toMatch(/"share"/);
    expect(journal.some((e) => e.event === 'warning.custody-same-volume')).toBe(true);
    const receipt = await readFile(
      path.join(out, 'airgap', (await readdir(path.join(out, 'airgap'))).find((f) => f.endsWith('.txt')) as string),
      'utf8',
    );
    expect(receipt).toMatch(/Custody set 1: any 2 of 3 shares/);
    expect(receipt).toContain('Farah');
    // The rehearsal confirms the bundle digest as its witness, once for both keys, and says so.
    const confirmed = journal.filter((e) => e.event === 'witness.confirmed');
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]?.data).toMatchObject({
      artefact: 'import-parameters-bundle',
      source: 'rehearsal-online-side',
      keyIds: [expect.any(String), expect.any(String)],
    });
    expect(receipt.replace(/\s+/g, ' ')).toContain(
      'rehearsal: confirmed for this witness with the online side’s own value (nobody typed it): the import-parameters bundle digest',
    );
  }, 120_000);
});
