/**
 * The ceremony's material expiry for AES keys, given at setup, through the real router and
 * handlers: checked there with a plan's rule (a mistyped form or a past time is refused with its
 * code, before any folder or connection), journaled with the online start as `online create-key
 * --plan` journals a plan's (a duration counted from that start), and requested by every AES key
 * without its own: in the created keys, their `key.created` entries and the parameters bundle.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/i18n/translate';
import { problemSchema } from '../../../src-main/ipc/contract';
import { call, value } from './airgap-session';
import { rehearsalPerTest } from './setup-rehearsal';

const DAY = 86_400_000;
/** A rehearsal chosen, with a folder of its own; nothing set up yet. */
const rehearsal = rehearsalPerTest('keyferry-setup-expiry-');

const SETUP = { title: 'Payments keys 2026', operator: 'Ana', witnesses: ['Ben'] };

/** The journal's entries, parsed. */
async function journal(file: string) {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
}

describe("the ceremony's material expiry at setup", () => {
  it('refuses a mistyped form and a past time with the plan rule, before any folder is made', async () => {
    const { ipc, folder } = await rehearsal();
    const refused = await call(ipc, 'ceremony.setup', { ...SETUP, materialExpiry: 'soon' });
    if (refused.ok) throw new Error('"soon" was taken as a material expiry');
    expect(refused.problem).toMatchObject({ code: 'EXPIRY_INVALID', values: { value: 'soon' } });
    expect(translator('en').problem(problemSchema.parse(refused.problem)).message).toBe(
      'materialExpiry "soon" is not "never", a duration or a date-time with its zone.',
    );
    const past = await call(ipc, 'ceremony.setup', { ...SETUP, materialExpiry: '2020-01-31T00:00:00Z' });
    if (past.ok) throw new Error('a past material expiry was taken');
    expect(past.problem.code).toBe('EXPIRY_IN_PAST');
    // Neither made the rehearsal's temporary folder, nor set anything up.
    expect(await readdir(folder)).toEqual([]);
    expect((await value<{ setup: unknown }>(ipc, 'ceremony.state')).setup).toBeNull();
  });

  it('is never when left out', async () => {
    const { ipc, folder } = await rehearsal();
    expect((await value(ipc, 'ceremony.setup', { ...SETUP, folder })).materialExpiry).toBe('never');
    await value(ipc, 'rehearsal.start');
    const started = (await journal(path.join(folder, 'online-journal.jsonl'))).find(
      (e) => e.event === 'ceremony.started',
    );
    expect(started?.data.expiry).toBe('never');
  });

  it('is journaled with the online start and requested by each AES key without its own, to the bundle', async () => {
    const { ipc, folder } = await rehearsal();
    expect((await value(ipc, 'ceremony.setup', { ...SETUP, folder, materialExpiry: ' 90d ' })).materialExpiry).toBe(
      '90d',
    );
    const before = Date.now();
    await value(ipc, 'rehearsal.start');
    const after = Date.now();
    const entries = await journal(path.join(folder, 'online-journal.jsonl'));
    const ninety = String(entries.find((e) => e.event === 'ceremony.started')?.data.expiry);
    expect(Date.parse(ninety)).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(Date.parse(ninety)).toBeLessThanOrEqual(after + 90 * DAY);

    const created = await value<{ keys: { alias: string; keyId: string; materialExpiry: string }[] }>(
      ipc,
      'online.create-keys',
      {
        keys: [
          { alias: 'pk/ceremony', spec: 'AES_256' },
          { alias: 'pk/thirty', spec: 'AES_256', materialExpiry: '30d' },
          { alias: 'pk/ec', spec: 'EC_P256' },
        ],
      },
    );
    const expiryOf = new Map(created.keys.map((k) => [k.alias, k.materialExpiry]));
    expect(expiryOf.get('pk/ceremony')).toBe(ninety);
    const thirty = expiryOf.get('pk/thirty') ?? '';
    expect(Math.abs(Date.parse(thirty) - (Date.now() + 30 * DAY))).toBeLessThan(120_000);
    expect(expiryOf.get('pk/ec')).toBe('never');
    // Journaled as the CLI journals it: each AES key's planned expiry with key.created, none for EC.
    const planned = new Map(
      (await journal(path.join(folder, 'online-journal.jsonl')))
        .filter((e) => e.event === 'key.created')
        .map((e) => [e.data.alias, e.data.plannedExpiry]),
    );
    expect(planned).toEqual(
      new Map([
        ['pk/ceremony', ninety],
        ['pk/thirty', thirty],
        ['pk/ec', undefined],
      ]),
    );

    await value(ipc, 'online.fetch-parameters');
    const media = path.join(folder, 'media');
    await mkdir(media);
    await value(ipc, 'online.write-parameters', { folder: media });
    const [bundle] = await readdir(media);
    const manifest = JSON.parse(await readFile(path.join(media, String(bundle), 'manifest.json'), 'utf8')) as {
      ceremony: { materialExpiry: string };
      keys: { keyAlias: string; materialExpiry?: string }[];
    };
    expect(manifest.ceremony.materialExpiry).toBe(ninety);
    expect(new Map(manifest.keys.map((k) => [k.keyAlias, k.materialExpiry]))).toEqual(
      new Map([
        ['pk/ceremony', ninety],
        ['pk/thirty', thirty],
        ['pk/ec', 'never'],
      ]),
    );
  });
});
