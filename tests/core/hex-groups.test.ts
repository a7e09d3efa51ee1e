import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src-main/cli/commands/index';
import { runCli } from '../../src-main/cli/run-cli';
import { groupHex, groupHexLines, hexGroups } from '../../src-main/core/hex-groups';
import { renderReceiptHtml, renderReceiptText } from '../../src-main/core/receipt';
import { Hex } from '../../src-renderer/components/Hex';
import { writeSampleJournal } from './journal/sample';
import { sampleReceiptInput } from './receipt/fixtures';

describe('groupHex', () => {
  it('groups upper-case hex by four for reading aloud', () => {
    expect(groupHex('abcdef0123')).toBe('ABCD EF01 23');
    expect(groupHex('6b700c20 4a99\nb6dc')).toBe('6B70 0C20 4A99 B6DC');
    expect(groupHex('6b:70-0c:20')).toBe('6B70 0C20');
    expect(groupHex('')).toBe('');
  });

  it('prints a SHA-256 as two lines of eight groups', () => {
    const lines = groupHexLines('ab'.repeat(32));
    expect(lines).toEqual(['ABAB ABAB ABAB ABAB ABAB ABAB ABAB ABAB', 'ABAB ABAB ABAB ABAB ABAB ABAB ABAB ABAB']);
    expect(hexGroups('0123456789')).toEqual(['0123', '4567', '89']);
  });

  it('refuses text that is not hex rather than grouping it as if it were', () => {
    expect(() => groupHex('xyz1')).toThrow(TypeError);
    expect(() => groupHexLines('ab12 cd3g')).toThrow(TypeError);
  });
});

describe('one digest looks the same on the terminal, on the receipt and on the screen', () => {
  it('journal verify, both receipt twins and the Hex component show the same groups in the same case', async () => {
    const { file, head } = await writeSampleJournal();
    const out: string[] = [];
    const code = await runCli(commands, ['journal', 'verify', file], {
      stdout: (l) => out.push(l),
      stderr: (l) => out.push(l),
      env: {},
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    const onTerminal = /head (.+)$/.exec(out[0] ?? '')?.[1] ?? '';
    expect(onTerminal).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(onTerminal.replace(/ /g, '').toLowerCase()).toBe(head);

    const groups = onTerminal.split(' ');
    const lines = [groups.slice(0, 8).join(' '), groups.slice(8).join(' ')];
    const input = sampleReceiptInput('air-gapped');
    const receipt = { ...input, journal: { ...input.journal, headHash: head } };
    const text = renderReceiptText(receipt);
    const html = renderReceiptHtml(receipt);
    for (const line of lines) {
      expect(text).toContain(line);
      expect(html).toContain(line);
    }
    expect(text).not.toContain(lines[0]?.toLowerCase());

    const markup = renderToStaticMarkup(createElement(Hex, { value: head }));
    const shownLines = markup
      .split('<span class="hex-line">')
      .slice(1)
      .map((line) => line.replace(/<[^>]+>/g, '').trim());
    expect(shownLines).toEqual(lines);
    expect(markup.replace(/<[^>]+>/g, '')).toBe(onTerminal);
  });
});
