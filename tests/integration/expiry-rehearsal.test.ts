/**
 * An expiry rehearsal with the simulator's clock, as an officer runs it: two folders as two machines
 * (online/ and airgap/), `keyferry` on PATH, a persisted simulator started with --clock-control.
 * The import token lapses (kms-sim advance --by 25h, then the simulator restarts from its state
 * file and keeps its time): the import is refused with Huawei's KMS.2601, journaled; the printed
 * advice, pasted, fetches new parameters; the air-gapped side wraps again with the command that
 * prints; the import succeeds. Then the material expiry passes and `online status` shows the key
 * back in Pending import with its material lapsed, as the KMS reports it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import {
  createKeyLine,
  freePort,
  hint,
  lineWithoutCustodyToFillIn,
  pastedCeremony,
  type SimulatorInfo,
  onMedia,
} from './pasted-shell';

const DAY_MS = 86_400_000;
interface Info extends SimulatorInfo {
  now: number;
  offsetMs: number;
  clockControl: boolean;
}

const { machines, paste, startSimulator, stopSimulator } = pastedCeremony<Info>('kf-expiry-', ['--clock-control']);

/**
 * The air-gapped step: the printed command with MEDIA as the air-gapped workstation mounts it
 * (`media`), the bundle digest the witness typed and this machine's facts.
 */
function wrapOnAirGap(paramsOut: string, airgap: string, media: string) {
  const typed = ` --witness-confirms "Ben=${paramsDigestFrom(paramsOut)}"`;
  return paste(
    `${lineWithoutCustodyToFillIn(hint(onMedia(paramsOut, media)))}${typed} --allow-network --no-backup`,
    airgap,
    {
      KEYFERRY_AK: '',
      KEYFERRY_SK: '',
    },
  );
}

interface Entry {
  event: string;
  data: Record<string, unknown>;
}

describe('expiry rehearsal with the simulator clock', () => {
  it('a lapsed import token is refused as Huawei refuses it, the advice pasted recovers, lapsed material shows', async () => {
    const { online, airgap } = await machines();
    const port = await freePort();
    const info = await startSimulator(online, port);
    expect(info).toMatchObject({ offsetMs: 0, clockControl: true });
    const creds = { KEYFERRY_AK: info.ak, KEYFERRY_SK: info.sk };
    const materialExpiry = new Date(Math.floor((Date.now() + 3 * DAY_MS) / 1000) * 1000);
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Expiry rehearsal',
        operator: 'Ana',
        witnesses: ['Ben'],
        materialExpiry: materialExpiry.toISOString(),
        keys: [{ alias: 'expiry/aes', spec: 'AES_256' }],
      }),
    );
    const create = paste(createKeyLine(info), online, creds);
    expect(create.err).toBe('');
    const params = paste(hint(onMedia(create.out, online)), online, creds);
    expect(params.code).toBe(0);
    const wrap = wrapOnAirGap(params.out, airgap, online);
    expect(wrap.err).toBe('');
    expect(wrap.code).toBe(0);

    // A day and an hour pass for the KMS; the simulator restarts from its state file and keeps its time.
    const moved = paste(`keyferry kms-sim advance --endpoint ${info.endpoint} --by 25h`, online);
    expect(moved.err).toBe('');
    expect(moved.out).toMatch(/^Simulator time: .* \(1d 1h 0m ahead of this computer\)\./m);
    await stopSimulator();
    const restarted = await startSimulator(online, port);
    expect(restarted.offsetMs).toBe(25 * 3_600_000);

    const refused = paste(hint(onMedia(wrap.out, online)), online, creds);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/import token has expired/);
    const journal = (await readFile(path.join(online, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entry);
    expect(journal.at(-1)).toMatchObject({ event: 'step.failed', data: { code: 'KMS.2601' } });

    // The advice, pasted: new parameters (a new folder name), the air-gapped side wraps again, import.
    expect(hint(refused.out)).toMatch(/ --out MEDIA\/import-parameters-KF-\S+-2$/);
    const again = paste(hint(onMedia(refused.out, online)), online, creds);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    const rewrap = wrapOnAirGap(again.out, airgap, online);
    expect(rewrap.err).toBe('');
    expect(rewrap.code).toBe(0);
    const imported = paste(hint(onMedia(rewrap.out, online)), online, creds);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Enabled/);

    // Past the material expiry: the KMS deleted the material, the key is back in Pending import.
    expect(paste(`keyferry kms-sim advance --endpoint ${info.endpoint} --by 3d`, online).code).toBe(0);
    const status = paste(hint(imported.out), online, creds);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/expiry\/aes\s+AES_256\s+\S+\s+Pending import/);
    expect(status.out).toMatch(/Key material lapsed: 1 key was imported/);
    // Printed as the receipts print a moment: local time, then UTC (UTC once on a UTC workstation; never raw ISO).
    const utc = `${materialExpiry.toISOString().slice(0, 10)} ${materialExpiry.toISOString().slice(11, 19)} UTC`;
    expect(status.out).toMatch(new RegExp(`material expiry recorded at import: (.*\\()?${utc}\\)?$`, 'm'));
  }, 300_000);
});
