/**
 * An old wrapped bundle given to `online import` after fresh parameters were written (a day later,
 * the first tokens expired): the KMS refuses its tokens (KMS.2601) and no earlier refusal is on
 * record. The import's own Next line must be the one `online status` prints (the bundle written
 * last is next), never fresh parameters again (a third material) nor that old bundle. Two folders
 * as two machines, one simulator over real HTTP.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { airgapConfirmations } from './witness-args';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-stale-wrap-');
const HOUR = 3_600_000;

describe('online import of an old wrap whose tokens the KMS refuses, after newer parameters were written', () => {
  it('puts the old bundle aside and says the same next step as online status', async () => {
    const { online, airgap, env, importCommand } = await wrappedCliCeremony(
      path.join(test.dir(), 'c'),
      test.kms().sim,
      [{ alias: 's/aes', spec: 'AES_256' }],
      CUSTODY_TWO_OF_TWO,
    );
    const { args: connection } = onlineAt(test.kms().sim);
    test.kms().sim.clock.advance(25 * HOUR);
    const params = await keyferry(['online', 'params', '--out', 'params-2', ...connection], { cwd: online, env });
    expect(params.code).toBe(0);

    const refused = await keyferry(importCommand, { cwd: online, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('it was made from an earlier import-parameters bundle');
    expect(refused.stderr).toContain('Put this bundle aside: it cannot be imported any more.');
    expect(refused.stderr).not.toContain('Fetch new import parameters');
    const status = await keyferry(['online', 'status', '--journal', 'online.jsonl'], { cwd: online, env });
    const statusNext = status.stdout.slice(status.stdout.indexOf('The wrapped-material bundle')).trim();
    expect(statusNext).toContain(`Next, before the import tokens expire`);
    expect(statusNext).toContain(`wrap with the import-parameters bundle ${path.join(online, 'params-2')}`);
    expect(refused.stdout.trim().endsWith(statusNext)).toBe(true);
    expect(refused.stdout).not.toContain('keyferry online params');

    // The bundle written last, wrapped (a new custody set) and imported: the first set backs nothing now.
    const rewrap = await keyferry(
      [
        ...nextCommand(onPrintedMedia(params.stdout)),
        ...airgapConfirmations(params.stdout, ['Ben']),
        ...['--custody', '2/2', '--shares-on-one-volume', '--custodian', 'Dana', '--custodian-folder', 'dana-2'],
        ...['--custodian', 'Eli', '--custodian-folder', 'eli-2', '--allow-network'],
      ],
      { cwd: airgap, env: {} },
    );
    expect(rewrap.code).toBe(0);
    const imported = await keyferry(nextCommand(onPrintedMedia(rewrap.stdout)), { cwd: online, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const firstSet = /custody set ([0-9A-F]{8})/.exec(refused.stdout)?.[1] as string;
    expect(firstSet).toMatch(/^[0-9A-F]{8}$/);
    expect(imported.stdout).toMatch(
      new RegExp(
        `Custody set ${firstSet} \\(2 of 2 shares, held by Dana, Eli\\), made with the wrapped-material bundle \\S+ checked at online journal entry 16, backs no imported material: a later wrap replaced it, and the keys hold that wrap’s material\\. Its shares, slips and backup must be destroyed, per your procedure\\.`,
      ),
    );
    expect(imported.stdout.match(/^Custody set /gm)).toHaveLength(1);
  }, 120_000);
});
