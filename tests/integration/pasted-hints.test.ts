/**
 * Every "Next:" hint of a full ceremony, pasted back into a shell and run: two folders as two
 * machines (online/ and airgap/), a persisted simulator, `keyferry` on PATH (the package's bin).
 * The only words the test adds are the ceremony's human inputs and this machine's facts: the
 * witnesses' typed bundle digest (--witness-confirms, instead of typing at the prompt) and
 * --allow-network (the test machine has a network), and --no-backup (the officer's decision
 * about the plan's material expiry without custody, which the air-gapped side asks for).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyLine, freePort, hint, lineWithoutCustodyToFillIn, onMedia, pastedCeremony } from './pasted-shell';
import { paramsDigestFrom } from '../cli/commands/witness-args';

const { machines, paste, startSimulator } = pastedCeremony('kf-hints-');

describe('hints pasted back', () => {
  it('run as printed, step after step, in the same folder, and a finished import says so', async () => {
    const { online, airgap } = await machines();
    const info = await startSimulator(online, await freePort());
    const creds = { KEYFERRY_AK: info.ak, KEYFERRY_SK: info.sk };
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Pasted hints',
        operator: 'Ana',
        witnesses: ['Ben', "Chloé O'Neil"],
        materialExpiry: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        keys: [{ alias: 'hints/aes', spec: 'AES_256' }],
      }),
    );

    const create = paste(createKeyLine(info), online, creds);
    expect(create.err).toBe('');
    expect(create.code).toBe(0);

    // The bundle goes onto the removable media (MEDIA): here the online folder, which both machines see.
    expect(hint(create.out)).toMatch(/ --out MEDIA\/import-parameters-KF-\S+$/);
    const params = paste(hint(onMedia(create.out, online)), online, creds);
    expect(params.err).toBe('');
    expect(params.code).toBe(0);
    const digest = paramsDigestFrom(params.out);

    // The air-gapped workstation: no credentials. Its Next line names the bundle on the media (MEDIA/…),
    // never the online workstation's path to it, and says which folder that is here.
    expect(hint(params.out)).toMatch(
      /^keyferry airgap wrap --bundle MEDIA\/import-parameters-KF-\S+ .* --out MEDIA\/wrapped-material-KF-\S+ /,
    );
    expect(params.out).toContain(
      `MEDIA: the folder that holds the bundle (${online} on this workstation), as the air-gapped workstation mounts it.`,
    );
    const typed = ['Ben', "Chloé O'Neil"].map((w) => ` --witness-confirms "${w}=${digest}"`).join('');
    const wrap = paste(
      `${lineWithoutCustodyToFillIn(hint(onMedia(params.out, online)))}${typed} --allow-network --no-backup`,
      airgap,
      {
        KEYFERRY_AK: '',
        KEYFERRY_SK: '',
      },
    );
    expect(wrap.err).toBe('');
    expect(wrap.code).toBe(0);
    // The plan's title and material expiry reached the air-gapped side through the bundle.
    expect(wrap.out).toMatch(
      /^Next, on the online workstation in the folder of its journal: keyferry online import --journal online\.jsonl /m,
    );

    const airReceipt = (await readdir(airgap)).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    const airText = await readFile(path.join(airgap, airReceipt), 'utf8');
    expect(airText.split('\n')[2]).toBe('Pasted hints');
    expect(airText).toMatch(/Material expiry \.+ \d{4}-\d{2}-\d{2} /);

    expect(hint(wrap.out)).toMatch(/ --bundle MEDIA\/wrapped-material-KF-\S+ --expect-digest /);
    expect(wrap.out).toContain(
      `MEDIA: the folder that holds the bundle (${online} on this workstation), as the online workstation mounts it.`,
    );
    const imported = paste(hint(onMedia(wrap.out, online)), online, creds);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);

    const status = paste(hint(imported.out), online, creds);
    expect(status.err).toBe('');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/Enabled/);

    // Importing again: the ceremony is finished, and the message says so (not "Write the receipt next").
    const again = paste(hint(onMedia(wrap.out, online)), online, creds);
    expect(again.code).toBe(1);
    expect(again.err).not.toMatch(/Write the receipt next/);
    expect(again.err).toMatch(/finished.*receipt is written/);

    // A different connection than the journal's is refused, naming both values.
    const wrongRegion = paste(`${hint(imported.out)} --region ap-southeast-1`, online, creds);
    expect(wrongRegion.code).toBe(1);
    expect(wrongRegion.err).toContain(
      `records --region ${info.region} for this ceremony, but this command was given ap-southeast-1`,
    );
  }, 300_000);
});
