import { describe, expect, it } from 'vitest';
import { KEY_SPECS } from '../../../src-main/core/crypto/key-spec';
import {
  RECEIPT_CSP,
  renderReceiptHtml,
  renderReceiptText,
  type ReceiptInput,
  type ReceiptKey,
} from '../../../src-main/core/receipt';
import { groupHexLines } from '../../../src-main/core/hex-groups';
import { renderReceiptHtmlInSlices } from '../../../src-main/core/receipt/render-html';
import { renderReceiptTextInSlices } from '../../../src-main/core/receipt/render-text';
import { HOSTILE, sampleKey, sampleReceiptInput, withoutKeptWhole } from './fixtures';

const SIDES = ['online', 'air-gapped'] as const;

function withKey(input: ReceiptInput, patch: Partial<ReceiptKey>, index = 0): ReceiptInput {
  return { ...input, keys: input.keys.map((k, i) => (i === index ? { ...k, ...patch } : k)) };
}

describe.each(SIDES)('the %s receipt', (side) => {
  const input = sampleReceiptInput(side);
  const html = renderReceiptHtml(input);
  const text = renderReceiptText(input);

  it('is one self-contained document: the CSP, no scripts, no resource references', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">`);
    expect(RECEIPT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|<embed|url\(|@import/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|on[a-z]+)=/i);
  });

  it('escapes every hostile string and shows it literally', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE.script);
    expect(html).not.toContain(HOSTILE.img);
    expect(html).toContain(HOSTILE.arabic);
    expect(html).toContain(HOSTILE.hebrew);
    expect(html).toContain(HOSTILE.long);
  });

  it('shows a right-to-left override as a visible marker in both twins, never the raw character', () => {
    for (const doc of [html, text]) {
      expect(doc).not.toContain('\u202e');
      expect(doc).toContain('invoice[U+202E]txt.exe');
    }
  });

  it('states the time in UTC and in local time with its offset', () => {
    for (const doc of [withoutKeptWhole(html), text]) {
      expect(doc).toContain('2025-03-01 09:30:05 UTC');
      expect(doc).toContain('2025-03-01 10:30:05 UTC+01:00 (Europe/Berlin)');
    }
  });

  it('prints the bundle digest, the journal head and every hash in groups of four, in both twins', () => {
    const hashes = [
      input.bundle.digest,
      input.journal.headHash,
      ...input.keys.flatMap((k) => [
        k.wrappingKeyFingerprint,
        k.importTokenSha256,
        k.publicKeyFingerprint ?? '',
        ...k.outputFiles.map((f) => f.sha256),
      ]),
    ].filter(Boolean);
    for (const hash of hashes) {
      const [a, b] = groupHexLines(hash);
      expect(a).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
      for (const doc of [html, text]) {
        expect(doc).toContain(a);
        expect(doc).toContain(b);
      }
    }
    expect(text).toContain('--expect-count 42');
  });

  it('has one signature and date line per operator and witness', () => {
    const people = 1 + input.witnesses.length;
    expect(html.match(/class="caption">Signature</g)).toHaveLength(people);
    expect(html.match(/class="caption">Date</g)).toHaveLength(people);
    expect(text.match(/Signature: _+ {4}Date: _+/g)).toHaveLength(people);
  });

  it(
    side === 'online'
      ? 'states the import and verification results'
      : 'says import and verification are not applicable on this side',
    () => {
      for (const doc of [html, text]) {
        if (side === 'online') {
          expect(doc).toContain('Imported; key state Enabled');
          expect(doc).toContain(
            'get-publickey equals the wrapped public key; a KMS signature verifies locally under it',
          );
          expect(doc).toContain('encrypt-data/decrypt-data round trip returned the plaintext');
          expect(doc).not.toContain('not applicable on this side');
        } else {
          expect(doc.match(/not applicable on this side/g)).toHaveLength(2 * input.keys.length);
        }
      }
    },
  );

  it('lists custody holders by share index, once, under Custody, and names the set in the key section', () => {
    expect(text).toMatch(
      /CUSTODY\n-+\n\n\s+Custody set 1: any 2 of 3 shares\n\s+Share 1: "><img src=x onerror=alert\(1\)>\n\s+Share 2: Grace Hopper\n\s+Share 3: מפתח הצפנה ראשי\n\s+Keys held by this set \(1\):/,
    );
    expect(text).toMatch(/Custody \.+ set 1: any 2 of 3 shares \(holders listed under “Custody”\)/);
    expect(html).toContain('Custody set 1: any 2 of 3 shares');
  });

  it('keeps a newline in a name from forging a line of the text twin', () => {
    const forged = renderReceiptText({ ...input, operator: 'Eve\nJournal head: 0000' });
    expect(forged).toContain('Operator: Eve[U+000A]Journal head: 0000');
    expect(forged.split('\n').some((l) => l.startsWith('Journal head: 0000'))).toBe(false);
  });
});

describe('the online sign-off', () => {
  it('asks only what a signer saw: the screen, the air-gapped receipt, the deviations; not the KMS itself', () => {
    const text = renderReceiptText(sampleReceiptInput('online')).replace(/\s+/g, ' ');
    expect(text).toContain('I have read the deviations listed above');
    expect(text).toContain('the wrapped-material bundle digest also matching the air-gapped receipt');
    expect(text).toContain('a signature does not vouch for the KMS itself');
    expect(text).not.toMatch(/are what the KMS answered|every hash above was read aloud/);
  });
});

describe('receipts for every key spec', () => {
  it.each(KEY_SPECS.flatMap((spec) => SIDES.map((side) => [spec, side] as const)))(
    '%s on the %s side shows its material check',
    (spec, side) => {
      const input = sampleReceiptInput(side, [spec]);
      const key = input.keys[0]!;
      const html = renderReceiptHtml(input);
      const text = renderReceiptText(input);
      for (const doc of [html, text]) {
        expect(doc).toContain(key.keyId);
        expect(doc).toContain(spec);
        if (spec === 'AES_256') {
          expect(doc).toContain('Key check value');
          expect(doc).toContain('2026-03-01 00:00:00 UTC');
        } else {
          expect(doc).toContain('Public-key fingerprint');
          expect(doc).toContain(groupHexLines(key.publicKeyFingerprint!)[0]);
          expect(doc).toMatch(/Material expiry[ .]*(<\/th><td>)?never/);
        }
      }
    },
  );
});

describe('receipt input checks', () => {
  const base = sampleReceiptInput('online');
  it.each<[string, ReceiptInput, RegExp]>([
    ['a short hash', { ...base, bundle: { ...base.bundle, digest: 'abcd' } }, /bundle digest/],
    [
      'an upper-case hash',
      { ...base, journal: { ...base.journal, headHash: base.journal.headHash.toUpperCase() } },
      /journal head hash/,
    ],
    ['a ceremony ID that is a path', { ...base, ceremonyId: '../../etc' }, /ceremony ID/],
    ['no keys', { ...base, keys: [] }, /at least one key/],
    [
      'an asymmetric key without its public-key fingerprint',
      withKey(base, { publicKeyFingerprint: undefined }, 1),
      /public-key fingerprint/,
    ],
    ['an AES key without a key check value', withKey(base, { keyCheckValue: undefined }, 0), /key check value/],
    [
      'an expiry on asymmetric material',
      withKey(base, { materialExpiry: new Date('2030-01-01T00:00:00Z') }, 1),
      /never expires/,
    ],
    ['the online side without an import result', withKey(base, { importResult: undefined }), /import result/],
    [
      'a custody threshold above the share count',
      withKey(base, { custody: { threshold: 4, holders: [{ shareIndex: 1, custodian: 'A' }] } }),
      /threshold/,
    ],
    [
      'duplicate share indexes',
      withKey(base, {
        custody: {
          threshold: 1,
          holders: [
            { shareIndex: 1, custodian: 'A' },
            { shareIndex: 1, custodian: 'B' },
          ],
        },
      }),
      /unique/,
    ],
    ['an invalid date', { ...base, clock: { ...base.clock, at: new Date('nope') } }, /time/],
    ['an empty operator', { ...base, operator: ' ' }, /operator/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => renderReceiptHtml(input)).toThrow(
      expect.objectContaining({ code: 'RECEIPT_INPUT_INVALID', message: expect.stringMatching(message) }),
    );
    expect(() => renderReceiptText(input)).toThrow(expect.objectContaining({ code: 'RECEIPT_INPUT_INVALID' }));
  });

  it('refuses import results on the air-gapped side', () => {
    const input = sampleReceiptInput('air-gapped');
    expect(() => renderReceiptHtml({ ...input, keys: [sampleKey('AES_256', 'online')] })).toThrow(/online side only/);
  });

  it('writes negative and half-hour offsets correctly', () => {
    const text = renderReceiptText({
      ...base,
      clock: { at: new Date('2025-03-01T03:00:00.000Z'), utcOffsetMinutes: -330 },
    });
    expect(text).toContain('2025-02-28 21:30:00 UTC-05:30');
  });
});

describe('the custody section of a ceremony whose keys share one custody set', () => {
  const custody = {
    threshold: 3,
    holders: [
      { shareIndex: 2, custodian: 'Ida Rhodes' },
      { shareIndex: 1, custodian: 'Barbara Liskov' },
      { shareIndex: 3, custodian: 'Frances Allen' },
      { shareIndex: 4, custodian: 'Radia Perlman' },
      { shareIndex: 5, custodian: 'Margaret Hamilton' },
    ],
  };
  const specs = ['AES_256', 'RSA_2048', 'EC_P256'] as const;
  const base = sampleReceiptInput('air-gapped', specs);
  // Forty keys held by the one set, and one key held by a set of its own (a per-key V1 split).
  const keys = Array.from({ length: 40 }, (_, i) => ({
    ...sampleKey(specs[i % 3] ?? 'AES_256', 'air-gapped', `app-key-${i + 1}`),
    keyId: `0d0466b0-e727-4d9c-b35d-${String(i + 1).padStart(12, '0')}`,
    custody,
  }));
  const loner = {
    ...sampleKey('AES_256', 'air-gapped', 'old-key'),
    keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    custody: { threshold: 2, holders: [custody.holders[0]!, custody.holders[1]!] },
  };
  const input: ReceiptInput = { ...base, keys: [...keys, loner] };
  const text = renderReceiptText(input);
  const html = renderReceiptHtml(input);

  it("prints a set's backup digest whole, once, under its set tag (walker F18), in text and HTML", () => {
    const backupDigest = 'ce4c5d9942d6d885'.repeat(4);
    const tagged: ReceiptInput = { ...base, keys: keys.map((k) => ({ ...k, custody: { ...custody, backupDigest } })) };
    const grouped = 'CE4C 5D99 42D6 D885 CE4C 5D99 42D6 D885';
    const taggedText = renderReceiptText(tagged);
    expect(taggedText).toContain(
      'Custody backup of set CE4C5D99 (the tag in its share and backup file\n    names); its whole SHA-256',
    );
    expect(taggedText).toContain(`:\n      ${grouped}\n      ${grouped}\n`);
    expect(taggedText.split('Custody backup of set').length - 1).toBe(1);
    const taggedHtml = renderReceiptHtml(tagged);
    expect(taggedHtml).toContain(`<code><bdi>${grouped} ${grouped}</bdi></code>`);
    expect(taggedHtml.split(grouped).length - 1).toBe(2);
  });

  it('names each holder once per set however many keys the set holds, and lists every key under it', () => {
    for (const name of ['Barbara Liskov', 'Frances Allen', 'Radia Perlman', 'Margaret Hamilton'])
      expect(text.split(name).length - 1, name).toBe(name === 'Barbara Liskov' ? 2 : 1);
    expect(text.split('Ida Rhodes').length - 1).toBe(2);
    expect(text).toContain('Custody set 1: any 3 of 5 shares');
    expect(text).toContain('Keys held by this set (40):');
    expect(text).toContain('Custody set 2: any 2 of 2 shares');
    expect(text).toContain('Keys held by this set (1):\n      old-key  0d0466b0-e727-4d9c-b35d-f84bb474a37f');
    for (const k of keys) expect(text).toContain(`${k.alias}  ${k.keyId}`);
    expect(text.match(/set 1: any 3 of 5 shares \(holders listed under “Custody”\)/g)).toHaveLength(40);
    expect(text.match(/set 2: any 2 of 2 shares \(holders listed under “Custody”\)/g)).toHaveLength(1);
    expect(html.split('Margaret Hamilton').length - 1).toBe(1);
    expect(html.match(/<article class="custody-set">/g)).toHaveLength(2);
  });

  it('rendered a key at a time (as writeReceipt does, letting the event loop run), it is the same document', async () => {
    for (const language of ['en', 'zh-CN', 'both'] as const) {
      expect(await renderReceiptHtmlInSlices(input, { language })).toBe(renderReceiptHtml(input, { language }));
      expect(await renderReceiptTextInSlices(input, { language })).toBe(renderReceiptText(input, { language }));
    }
  });

  it('a restore receipt groups the presented shares the same way, with who presented them', () => {
    const restored = {
      threshold: 3,
      restoredFrom: { total: 5 },
      holders: custody.holders.slice(0, 3).map((h) => ({ ...h, presentedBy: `${h.custodian} (in person)` })),
    };
    const r = renderReceiptText({ ...input, keys: keys.map((k) => ({ ...k, custody: restored })) });
    expect(r).toContain('Custody set 1: rebuilt from 3 of 5 shares (any 3 suffice)');
    expect(r.split('presented by Ida Rhodes (in person)').length - 1).toBe(1);
    expect(r).not.toContain('Custody set 2');
  });
});
