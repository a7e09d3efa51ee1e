/**
 * The witnesses' confirmations as the CLI takes them, against a real air-gapped ceremony and
 * journal (parameters from the simulator on 127.0.0.1): an empty line at the prompt is asked
 * again and never recorded, three wrong values stop the ceremony, the end of the input stops it,
 * and one witness's value never counts for another (a missing witness blocks the ceremony).
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmationLinesFromJournal,
  confirmGiven,
  confirmInteractively,
  parseWitnessConfirms,
  requireEveryWitness,
} from '../../src-main/cli/witness-confirmations';
import type { CliIo } from '../../src-main/cli/command';
import { createFixture, onlineDayOne, type Fixture } from '../core/ceremony/ceremony-fixture';

let f: Fixture;
let out: string[];
const io = (): CliIo => ({ stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' });

beforeEach(async () => {
  f = await createFixture();
  out = [];
});
afterEach(async () => {
  await f.close();
});

async function ceremonyAtConfirmations() {
  const plan = f.plan(['AES_256']);
  const { params, issued } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  return { air, journal, fingerprint: issued[0]?.wrappingKeyFingerprintGrouped as string };
}

const confirmations = async () =>
  (await import('node:fs/promises'))
    .readFile(`${f.dir}/airgap.jsonl`, 'utf8')
    .then((t) =>
      t
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; actor: string }),
    )
    .then((es) => es.filter((e) => e.event === 'fingerprint.confirmed').map((e) => e.actor));

describe('witness confirmations on the command line', () => {
  it('asks again after an empty line (never recorded) and stops after three wrong values', async () => {
    const { air, fingerprint } = await ceremonyAtConfirmations();
    const input = new PassThrough();
    input.end(['', '   ', fingerprint.toLowerCase(), 'ab'.repeat(32), '00'.repeat(32), 'cd'.repeat(32), ''].join('\n'));
    const refusal = confirmInteractively(air, io(), input, false);
    await expect(refusal).rejects.toMatchObject({ code: 'WITNESS_ATTEMPTS_EXHAUSTED' });
    await expect(refusal).rejects.toThrow(/Chloé typed 3 values that do not match/);
    expect(out.filter((l) => l.includes('Ben must type it; it cannot be skipped'))).toHaveLength(2);
    expect(out).toContain('  Confirmed by Ben.');
    expect(out.filter((l) => l.includes('(attempt ')).length).toBe(3);
    expect(await confirmations()).toEqual(['Ben']);
    expect(() => requireEveryWitness(air, io())).toThrow(/Witness Chloé has not confirmed/);
    expect(air.state).toBe('parameters-read');
  });

  it('stops when the input ends before a witness typed; nothing recorded for them', async () => {
    const { air } = await ceremonyAtConfirmations();
    const input = new PassThrough();
    input.end('\n');
    await expect(confirmInteractively(air, io(), input, false)).rejects.toMatchObject({
      code: 'WITNESS_INPUT_ENDED',
    });
    expect(await confirmations()).toEqual([]);
  });

  it('credits a --witness-confirms value to that witness only: the other still blocks the ceremony', async () => {
    const { air, journal, fingerprint } = await ceremonyAtConfirmations();
    const fromSeq = journal.count + 1;
    await confirmGiven(air, parseWitnessConfirms([`Ben=${fingerprint}`]));
    expect(() => requireEveryWitness(air, io())).toThrow(
      /Witness Chloé has not confirmed the wrapping-key fingerprint .*nobody can be skipped/,
    );
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    expect(() => parseWitnessConfirms([fingerprint])).toThrow(/takes NAME=VALUE/);
    await expect(
      confirmGiven(air, parseWitnessConfirms([`Chloé=${fingerprint}`, `Chloé=${fingerprint}`])),
    ).rejects.toMatchObject({
      code: 'WITNESS_CONFIRMS_TWICE',
    });
    await confirmGiven(air, parseWitnessConfirms([`Chloé=${fingerprint}`]));
    requireEveryWitness(air, io());
    expect(air.state).toBe('fingerprints-confirmed');
    const lines = confirmationLinesFromJournal(journal, fromSeq, io());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Journal entry \d+: Ben typed and confirmed the wrapping-key fingerprint/);
    expect(lines[1]).toMatch(/^Journal entry \d+: Chloé typed and confirmed/);
  });
});
