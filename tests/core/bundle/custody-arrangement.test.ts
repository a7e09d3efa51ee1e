/**
 * The custody arrangement a wrapped-material bundle carries (core/bundle/custody-arrangement.ts):
 * who keeps a copy of the material besides the KMS, which the online side shows before it imports
 * and the IPC contract hands the screen. Today's writer puts each kind into a real bundle (built
 * from the keys of fixtures/wrapped-v1) and the reader gives back exactly what was written, names
 * in Chinese included; a name that carries a control or format character (a line break, a
 * zero-width space pasted from a web page, a right-to-left override) or counts that cannot be is
 * refused by the writer before anything is written, and by the reader when edited onto the medium.
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle, writeWrappedMaterialBundle, type WrappedKeyMaterial } from '../../../src-main/core/bundle';
import type { CustodyArrangement } from '../../../src-main/core/bundle/custody-arrangement';
import { KeyferryError } from '../../../src-main/core/errors';
import { NOW, tempDir } from './bundle-fixtures';
import { editedFixture, FIXTURE_READ_TIME, fixtureWrappedKeys, readRefusal } from './fixture-copies';

let keys: readonly WrappedKeyMaterial[];
let ceremonyId: string;
beforeAll(async () => {
  ({ keys, ceremonyId } = await fixtureWrappedKeys());
});

/** Writes a wrapped bundle carrying `custody` into a new folder; returns the folder. */
async function written(custody: CustodyArrangement): Promise<string> {
  const dir = path.join(await tempDir('kf-custody-arrangement-'), 'wrapped-material');
  await writeWrappedMaterialBundle(dir, { ceremonyId, keys, custody }, { now: NOW });
  return dir;
}

const SHARES: CustodyArrangement = {
  kind: 'shares',
  threshold: 2,
  total: 3,
  custodians: ['赵敏', '钱磊', 'Zoë Ångström'],
  presented: [
    { shareIndex: 1, custodian: '赵敏', presentedBy: '赵敏' },
    { shareIndex: 3, custodian: 'Zoë Ångström', presentedBy: '孙丽 (for Zoë)' },
  ],
};

describe('the custody arrangement a wrapped bundle carries', () => {
  it('reads back exactly as written, for each kind', async () => {
    const kinds: CustodyArrangement[] = [
      SHARES,
      { kind: 'hsm-token', label: '', serial: '' },
      { kind: 'hsm-token', label: 'ceremony-token', serial: '0123456789abcdef' },
      { kind: 'material-files' },
      { kind: 'none', acknowledged: false },
    ];
    for (const custody of kinds) {
      const bundle = await readBundle(await written(custody), { now: FIXTURE_READ_TIME });
      if (bundle.kind !== 'wrapped-material') throw new Error(bundle.kind);
      expect(bundle.manifest.custody).toEqual(custody);
    }
  });

  const refused: [string, CustodyArrangement, string][] = [
    [
      'a custodian name with a zero-width space',
      { ...SHARES, custodians: ['赵敏', 'Bob\u200b', 'Carol'] } as CustodyArrangement,
      'custody.custodians[1]',
    ],
    [
      'a presenter with a right-to-left override',
      { ...SHARES, presented: [{ shareIndex: 1, custodian: '赵敏', presentedBy: '\u202eBob' }] } as CustodyArrangement,
      'custody.presented[0].presentedBy',
    ],
    [
      'a token label with a line break',
      { kind: 'hsm-token', label: 'token\nserial 0000', serial: '1' },
      'custody.label',
    ],
    ['a threshold above the number of shares', { ...SHARES, threshold: 4 } as CustodyArrangement, 'custody'],
    [
      'more custodians than shares',
      { ...SHARES, total: 2, presented: undefined } as unknown as CustodyArrangement,
      'custody',
    ],
    [
      'a share index beyond 16',
      { ...SHARES, presented: [{ shareIndex: 17, custodian: '赵敏', presentedBy: '赵敏' }] } as CustodyArrangement,
      'custody.presented[0].shareIndex',
    ],
  ];

  for (const [what, custody, field] of refused) {
    it(`is refused when written with ${what}, and nothing is written`, async () => {
      const dir = path.join(await tempDir('kf-custody-arrangement-'), 'wrapped-material');
      const error = await writeWrappedMaterialBundle(dir, { ceremonyId, keys, custody }, { now: NOW }).then(
        () => new Error('written'),
        (e: unknown) => e,
      );
      if (!(error instanceof KeyferryError)) throw error;
      expect(error.code).toBe('BUNDLE_INPUT_INVALID');
      expect(error.message).toContain(`format: its field ${field} is invalid.`);
      await expect(access(dir)).rejects.toThrow();
      expect(await readdir(path.dirname(dir))).toEqual([]);
    });
  }

  it('is refused when read after an edit on the medium: another kind, an unacknowledged loss made to look acknowledged by a string', async () => {
    const other = await readRefusal(await editedFixture('wrapped-v1', (m) => (m.custody = { kind: 'paper' })));
    expect(other.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(other.message).toBe(
      'manifest.json does not match the keyferry.wrapped-material format: its field custody.kind is invalid.',
    );
    const loose = await readRefusal(
      await editedFixture('wrapped-v1', (m) => (m.custody = { kind: 'none', acknowledged: 'yes' })),
    );
    expect(loose.message).toContain('its field custody.acknowledged is invalid.');
    const named = await readRefusal(
      await editedFixture('wrapped-v1', (m) => (m.custody = { ...SHARES, custodians: ['赵敏', 'Bob\u200b', 'C'] })),
    );
    expect(named.message).toContain('its field custody.custodians[1] is invalid.');
  });
});
