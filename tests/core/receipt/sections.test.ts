/**
 * One section model, two renderers: a receipt that has every section the model knows (an HSM,
 * deviations, replica groups, a custody set) prints each of them, under its heading and in the
 * model's order, in the HTML and in the text twin alike, in English and in Chinese. The heading
 * table is keyed by section kind, so a kind added to the model does not compile here until it is
 * named (and the renderers' tables do not compile until both print it).
 */
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../src-main/i18n/catalogue';
import type { Locale } from '../../../src-main/i18n/locale';
import { ReceiptWords } from '../../../src-main/core/receipt/language';
import { renderReceiptHtml } from '../../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import { receiptSections, type SectionKind } from '../../../src-main/core/receipt/sections';
import type { ReceiptInput } from '../../../src-main/core/receipt/types';
import { keyIdFor, sampleKey, sampleReceiptInput } from './fixtures';

const HEADING: Readonly<Record<SectionKind, MessageKey>> = {
  ceremony: 'receipt.section.ceremony',
  hsm: 'receipt.hsm.heading',
  deviations: 'receipt.deviations.headingCount',
  seals: 'receipt.seals.heading',
  people: 'receipt.people.heading',
  keys: 'receipt.keys.heading',
  replicaGroups: 'receipt.replica.heading',
  custody: 'receipt.custody.heading',
  methods: 'receipt.methods.heading',
  signoff: 'receipt.signoff.heading',
};

/** A receipt with every section: HSM, deviations, a custody set and a replica group. */
function everySection(): ReceiptInput {
  const base = sampleReceiptInput('online', ['AES_256', 'EC_P256']);
  const primary = { ...sampleKey('EC_P256', 'online'), place: { region: 'cn-north-4', projectId: 'a'.repeat(32) } };
  const replica = {
    ...sampleKey('EC_P256', 'online', 'replica'),
    keyId: keyIdFor('RSA_2048'),
    replicaOf: primary.keyId,
    place: { region: 'cn-east-3', projectId: 'b'.repeat(32) },
  };
  return {
    ...base,
    keys: [base.keys[0]!, primary, replica],
    hsm: {
      token: {
        manufacturer: 'SoftHSM',
        model: 'SoftHSM v2',
        serial: '1234',
        firmware: '2.6',
        label: 'kf',
        module: 'libsofthsm2',
      },
      keys: [],
    },
  };
}

/** Where each heading text starts in `doc`, in the order given; -1 when missing. */
function positions(doc: string, headings: readonly string[]): number[] {
  let from = 0;
  return headings.map((h) => {
    const at = doc.indexOf(h, from);
    if (at >= 0) from = at + h.length;
    return at;
  });
}

describe('the receipt section model', () => {
  const input = everySection();
  const kinds = receiptSections(input).map((s) => s.kind);

  it('has every kind for a receipt that has everything', () => {
    expect([...kinds].sort()).toEqual(Object.keys(HEADING).sort());
  });

  it.each(['en', 'zh-CN'] as const)(
    'prints every section in order in the HTML and the text twin (%s)',
    (locale: Locale) => {
      const headings = kinds.map((kind) =>
        ReceiptWords.phraseText(locale, {
          key: HEADING[kind],
          values: { count: input.deviations.length },
        }).toUpperCase(),
      );
      const text = renderReceiptText(input, { language: locale });
      const html = renderReceiptHtml(input, { language: locale }).toUpperCase();
      for (const doc of [text.toUpperCase(), html]) {
        const at = positions(doc, headings);
        expect(
          at.every((p) => p >= 0),
          `missing: ${headings.filter((_, i) => at[i]! < 0).join(', ')}`,
        ).toBe(true);
      }
    },
  );
});
