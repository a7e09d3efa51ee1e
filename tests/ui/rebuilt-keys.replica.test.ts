/**
 * A replica restored alone (a parameters round holding only the replica; the custody set records
 * the group's one material, and its check value, under the primary): the restore answer, read
 * with the IPC's schema, keeps the replica's primary, and the restore screen's table of rebuilt
 * keys says on the replica's row that its material is its primary's, in English and Chinese.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { restoredKeySchema } from '../../src-main/ipc/schemas/restore';
import { translator } from '../../src-main/i18n/translate';
import { RebuiltKeys } from '../../src-renderer/screens/restore/RebuiltKeys';

const REPLICA = 'b2c7e3f0-0000-4000-8000-000000000002';
const PRIMARY = 'a1b6d2e9-0000-4000-8000-000000000001';

/** The answer as main sends it for a set restore of the replica alone. */
const answer = {
  keyId: REPLICA,
  spec: 'AES_256',
  splitCeremonyId: 'c-2026-12-04-1',
  shareIndexes: [1, 3],
  threshold: 2,
  total: 3,
  keyCheckValue: '3FA2C1',
  publicKeyFingerprint: null,
  proof: { key: 'proof.restore.set', values: { digest: 'ABCD 0123' } },
  keys: [{ keyId: REPLICA, spec: 'AES_256', keyCheckValue: '3FA2C1', publicKeyFingerprint: null, replicaOf: PRIMARY }],
};

describe('the restore screen: a replica restored alone', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`says on the replica's row that its material is its primary's (${locale})`, () => {
      const restored = restoredKeySchema.parse(answer);
      expect(restored.keys[0]?.replicaOf).toBe(PRIMARY);
      const tr = translator(locale);
      const text = renderToStaticMarkup(createElement(RebuiltKeys, { restored, tr }))
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;/g, "'")
        .replace(/\s+/g, ' ');
      expect(text).toContain(REPLICA);
      expect(text).toContain('3FA2 C1');
      expect(text).toContain(tr.t('restore.replica-of', { replicaOf: PRIMARY }));
    });
  }
});
