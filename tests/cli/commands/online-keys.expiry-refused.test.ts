/**
 * A wrapped bundle checked and its import refused by the KMS for its material expiry (KMS.2602: by
 * the KMS's clock it is not ahead; here the simulator's clock moved on, as in a rehearsal): `online
 * status` does not send the officer to wrap again (the air-gapped side refuses a second wrap of a
 * bundle that can still be imported) but to import the same bundle with an expiry further ahead,
 * which then imports it. Two folders as two machines, a real simulator over HTTP.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia, twoMachines, withoutCustodyToFillIn } from '../../integration/pasted-shell';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { airgapConfirmations } from './witness-args';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-expiry-refused-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

const HOUR = 3600_000;

/**
 * A ceremony of `keys` created and fetched online, wrapped on the air-gapped side as printed with
 * --no-backup (their AES material expires), up to its import: the import command it printed.
 */
async function wrappedWithNoBackup(
  title: string,
  keys: readonly Record<string, string>[],
  {
    kmsClockAhead = 0,
    expiry,
    refused = false,
  }: { readonly kmsClockAhead?: number; readonly expiry?: string; readonly refused?: boolean } = {},
) {
  const { online, airgap } = await twoMachines(dir);
  await writeFile(path.join(online, 'plan.json'), JSON.stringify({ title, operator: 'Ana', witnesses: ['Ben'], keys }));
  const { args: connection, env } = onlineAt(kms.sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  // The KMS's clock moved on between the plan's keys and their parameters (a rehearsal's kms-sim advance).
  kms.sim.clock.advance(kmsClockAhead);
  const params = await on(['online', 'params', '--out', 'params']);
  expect(params.code).toBe(0);
  const wrap = [
    // EXPIRY, where the printed line asks for one, as the officer fills it in.
    ...withoutCustodyToFillIn(nextCommand(onPrintedMedia(params.stdout))).map((w) =>
      w === 'EXPIRY' && expiry !== undefined ? expiry : w,
    ),
    ...airgapConfirmations(params.stdout, ['Ben']),
    ...['--allow-network', '--no-backup'],
  ];
  const wrapped = await keyferry(wrap, { cwd: airgap, env: {} });
  if (!refused) expect(wrapped.stderr).toBe('');
  return {
    online,
    env,
    on,
    params,
    wrapped,
    importCommand: refused ? [] : nextCommand(onPrintedMedia(wrapped.stdout)),
  };
}

describe('online status after an import refused for its material expiry', () => {
  it('a wrap given a date ahead of this computer’s clock but not of the KMS’s: refused naming the KMS’s time', async () => {
    const plan = [
      { alias: 'app/short', spec: 'AES_256', materialExpiry: new Date(Date.now() + 6 * HOUR).toISOString() },
    ];
    const between = new Date(Date.now() + 4 * HOUR).toISOString();
    const { wrapped } = await wrappedWithNoBackup('Between', plan, {
      kmsClockAhead: 8 * HOUR,
      expiry: between,
      refused: true,
    });
    expect(wrapped.code).toBe(1);
    expect(wrapped.stderr.replace(/\s+/g, ' ')).toMatch(
      /is not after the KMS’s time, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, as the bundle’s import tokens show it \(this computer’s clock is behind the KMS’s\)/,
    );
    expect(wrapped.stderr).not.toContain('is not in the future');
  });

  it('warns at online params when the plan’s expiry is past by the KMS’s clock; a wrap given one further ahead imports', async () => {
    const expires = new Date(Date.now() + 6 * HOUR).toISOString();
    const plan = [{ alias: 'app/short', spec: 'AES_256', materialExpiry: expires }];
    const { online, env, params, wrapped, importCommand } = await wrappedWithNoBackup('Skewed', plan, {
      kmsClockAhead: 8 * HOUR,
      expiry: '30d',
    });
    // The printed wrap asks for the expiry the warning says it needs.
    expect(nextCommand(onPrintedMedia(params.stdout))).toEqual(expect.arrayContaining(['--expires', 'EXPIRY']));
    expect(params.stdout).toMatch(
      /The material expiry this bundle requests for key [0-9a-f-]{36}, .+, is not ahead of the KMS’s clock: the import tokens it has just issued show its time as .+, while this computer’s clock says .+\. The KMS would refuse that import \(KMS\.2602\), and the air-gapped wrap refuses to make material for it: give the wrap an expiry further ahead/,
    );
    // The wrap says the plan's has passed and is replaced, not that the online side names an override.
    // Passed by the KMS's time only (the plan's moment is 6 hours ahead of this computer's clock): it says which.
    expect(wrapped.stdout).toMatch(
      /The plan’s has passed by the KMS’s time as the bundle’s import tokens show it, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, though not yet by this computer’s clock, so it cannot be kept/,
    );
    expect(wrapped.stdout).not.toContain('the online import names it again');
    // 30d counted from the KMS's time as the bundle's tokens show it (8 hours ahead here), as custody restore counts it.
    const requested = /will request the AES material expiry (\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)? UTC)/.exec(
      wrapped.stdout,
    )?.[1];
    const expected = Date.now() + 8 * HOUR + 30 * 24 * HOUR;
    expect(Math.abs(Date.parse((requested ?? '').replace(' UTC', 'Z').replace(' ', 'T')) - expected)).toBeLessThan(
      5 * 60_000,
    );
    // As warned, given one further ahead on the air-gapped side (its own refusal of the plan's: workflow.past-expiry.test.ts).
    const imported = await keyferry(importCommand, { cwd: online, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 120_000);

  it('names the same bundle with --expires, not a wrap again; once its tokens expired in the KMS, fresh parameters', async () => {
    const expires = new Date(Date.now() + 6 * HOUR).toISOString();
    const { online, env, on, importCommand } = await wrappedWithNoBackup('Short', [
      { alias: 'app/short', spec: 'AES_256', materialExpiry: expires },
    ]);

    // The KMS's clock is past the requested expiry, its tokens still valid.
    kms.sim.clock.advance(8 * HOUR);
    const refused = await keyferry(importCommand, { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('it is not in the future. Choose an expiry further ahead');

    const status = await on(['online', 'status']);
    expect(status.stdout).not.toContain('wrap with the import-parameters bundle');
    const bundle = importCommand[importCommand.indexOf('--bundle') + 1] as string;
    expect(status.stdout).toMatch(
      /its import refused \(entry \d+, KMS\.2602: by the KMS’s clock its material expiry is not in the future\)\. That wrap stands, so the air-gapped side does not wrap again\./,
    );
    expect(status.stdout).toContain(
      `--bundle ${path.resolve(online, bundle)} --expect-digest DIGEST --expires EXPIRY. In a rehearsal`,
    );
    expect(status.code).toBe(3);

    // A day on in the KMS: the tokens of that bundle expired there (KMS.2601); status sends to fresh parameters.
    kms.sim.clock.advance(24 * HOUR);
    const lapsed = await keyferry([...importCommand, '--expires', '30d'], { cwd: online, env });
    expect(lapsed.code).toBe(1);
    const after = await on(['online', 'status']);
    expect(after.stdout).toMatch(
      /The import of the wrapped-material bundle \S+ was refused at journal entry \d+: its import tokens expired \(KMS\.2601\), so it cannot be imported any more, and the import-parameters bundle it was wrapped from, whose tokens those are, cannot be wrapped again\. Next, fresh wrapping keys and import tokens/,
    );
    expect(after.stdout).not.toContain('wrap with the import-parameters bundle');
  }, 120_000);

  it('one key of the bundle imported, the other refused for its expiry: the same import with --expires, which goes through', async () => {
    const expires = new Date(Date.now() + 6 * HOUR).toISOString();
    // The EC key first: imported, then the AES key refused.
    const { online, env, on, importCommand } = await wrappedWithNoBackup('Mixed', [
      { alias: 'app/sign', spec: 'EC_P256' },
      { alias: 'app/short', spec: 'AES_256', materialExpiry: expires },
    ]);
    kms.sim.clock.advance(8 * HOUR);
    const refused = await keyferry([...importCommand, '--concurrency', '1'], { cwd: online, env });
    expect(refused.code).toBe(1);
    const status = await on(['online', 'status']);
    expect(status.stdout).toMatch(
      /1 of 2 keys is not imported yet \(Pending import\): app\/short \([0-9a-f-]{36}\)\. The ceremony is not finished\. The import of it was refused at journal entry \d+ \(KMS\.2602: by the KMS’s clock the material expiry is not in the future\), so the same import would be refused again\./,
    );
    expect(status.stdout).toContain('--expect-digest DIGEST --expires EXPIRY');
    expect(status.code).toBe(3);
    const later = await keyferry([...importCommand, '--expires', '30d'], { cwd: online, env });
    expect(later.stderr).toBe('');
    expect(later.code).toBe(0);
  }, 120_000);

  it('one key imported, the other then refused by the KMS for its expired token: fresh parameters, not the same import', async () => {
    const expires = new Date(Date.now() + 6 * HOUR).toISOString();
    const { env, on, online, importCommand } = await wrappedWithNoBackup('Mixed tokens', [
      { alias: 'app/sign', spec: 'EC_P256' },
      { alias: 'app/short', spec: 'AES_256', materialExpiry: expires },
    ]);
    kms.sim.clock.advance(8 * HOUR);
    expect((await keyferry([...importCommand, '--concurrency', '1'], { cwd: online, env })).code).toBe(1);
    // A day on in the KMS only: by this computer's clock the tokens are still valid.
    kms.sim.clock.advance(24 * HOUR);
    const again = await keyferry([...importCommand, '--expires', '30d'], { cwd: online, env });
    expect(again.code).toBe(1);
    const status = await on(['online', 'status']);
    expect(status.stdout).toMatch(
      /Its import token expired at .+ by the KMS’s clock \(its refusal at journal entry \d+, KMS\.2601\), so that bundle cannot import it any more: fetch new import parameters for it \(keyferry online params --journal online\.jsonl --out MEDIA\/import-parameters-KF-\S+-2 --key-id [0-9a-f-]{36}\)/,
    );
    expect(status.stdout).not.toContain('Run keyferry online import again');
  }, 120_000);
});
