/**
 * `online status` after a custody restore of material this online journal never saw under the KMS's
 * own wrapping keys was refused (WRAPPED_RESTORE_UNPROVEN): the ceremony's first wrap, 2-of-2 in
 * custody, never came to an import here; its shares were restored under fresh parameters and the
 * import refused. The status said only "wrap with the import-parameters bundle", the bundle the
 * refusal had just said to replace; it now names the refusal and the way on: fresh parameters, then
 * new material with --wrap-again. Two machines in two folders, the real CLI against the simulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { CUSTODY_TWO_OF_TWO, importRestoredFirstSet, wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-restore-unproven-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

it('names the refused restore and sends the officer to fresh parameters and new material', async () => {
  const c = await wrappedCliCeremony(
    path.join(dir, 'ceremony'),
    kms.sim,
    [{ alias: 'app/one', spec: 'AES_256' }],
    CUSTODY_TWO_OF_TWO,
  );
  const { args } = onlineAt(kms.sim);
  const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  // The first wrap is never imported: its shares are restored under fresh parameters instead.
  const params = await on(['online', 'params', '--out', 'params-2']);
  expect(params.code).toBe(0);
  const refused = await importRestoredFirstSet(c, 'params-2', params.stdout);
  expect(refused.code).toBe(1);
  expect(refused.stderr + refused.stdout).toContain('but this online journal never saw that material wrapped');
  expect(refused.stderr + refused.stdout).toContain(': the key never held imported material, and no wrapped bundle');

  const status = await on(['online', 'status']);
  expect(status.stdout).toMatch(
    /The wrapped-material bundle \S+wrapped-restore, made by a custody restore, was refused at journal entry \d+: this journal never saw its material wrapped under the KMS’s own wrapping keys/,
  );
  expect(status.stdout).toMatch(
    /Next, new material: fresh wrapping keys and import tokens in a new bundle: keyferry online params /,
  );
  expect(status.stdout).toContain('keyferry airgap wrap with --wrap-again and the reason');
  // Not the wrap of the bundle the refusal said to replace.
  expect(status.stdout).not.toContain('on the air-gapped workstation: wrap with the import-parameters bundle');
});
