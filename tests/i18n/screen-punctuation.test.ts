/**
 * Punctuation around values on screen comes from the catalogue, as words do: a key's spec in
 * brackets and the colon before what follows read "pay/aes (AES_256): " in English but
 * "pay/aes（AES_256）：" in Chinese, which uses full-width brackets and colons. So no JSX text in
 * src-renderer holds an ASCII bracket, colon, comma or semicolon of its own (it would print the same
 * in every language); `text.bracketed` and `text.lead` in screen-shared.ts say them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';

const RENDERER = path.resolve(__dirname, '../../src-renderer');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return entry.endsWith('.tsx') ? [full] : [];
  });
}

describe('punctuation on screen', () => {
  it('is never written into a screen’s JSX (ASCII ( ) : , ;), only said by the catalogue', () => {
    const found: string[] = [];
    for (const file of tsxFiles(RENDERER)) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && /[():,;]/.test(node.text)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push(`${path.relative(RENDERER, file)}:${line} ${JSON.stringify(node.text.trim())}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it('says a spec in brackets and a lead colon in each language’s own punctuation', () => {
    const say = (locale: 'en' | 'zh-CN') => {
      const { t } = translator(locale);
      return `pay/aes${t('text.bracketed', { text: 'AES_256' })}${t('text.lead')}`;
    };
    expect(say('en')).toBe('pay/aes (AES_256): ');
    expect(say('zh-CN')).toBe('pay/aes（AES_256）：');
  });
});
