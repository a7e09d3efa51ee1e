/**
 * `journal verify` on a journal with a line of another ceremony's journal spliced in: besides where
 * the chain breaks, it says that the line records another ceremony (its title and id, read from the
 * line and nothing else of it), in English and Chinese. Two real online journals against a real simulator.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYFERRY_BIN } from '../../integration/cli-process';
import { createFixture, onlineDayOne } from '../../core/ceremony/ceremony-fixture';

function verify(file: string, lang: string): string[] {
  const run = spawnSync(process.execPath, [KEYFERRY_BIN, '--lang', lang, 'journal', 'verify', file], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  return run.stdout.trim().split('\n');
}

describe('journal verify on a line of another ceremony’s journal', () => {
  it('names the ceremony the line records, not only where the chain breaks', async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256']);
      const { online: mine } = await onlineDayOne(f, plan);
      const journal = await f.journal('other.jsonl');
      const other = await f.online(journal, { ...plan, title: 'Payments\u001b[2J 2027' });
      await other.connect();
      await journal.close();
      const file = path.join(f.dir, 'online.jsonl');
      const lines = (await readFile(file, 'utf8')).split('\n');
      const foreign = (await readFile(path.join(f.dir, 'other.jsonl'), 'utf8')).split('\n')[0] as string;
      lines.splice(4, 1, foreign);
      await writeFile(file, lines.join('\n'));
      const [where, whose, next] = verify(file, 'en');
      expect(where).toMatch(/^line 5: /);
      expect(whose).toBe(
        `Line 5 belongs to ceremony “Payments\\x1b[2J 2027” (id ${other.ceremonyId}), not to this one (id ${mine.ceremonyId}).`,
      );
      expect(next).toMatch(/^This journal cannot be trusted from line 5 on\./);
      expect(verify(file, 'zh-CN')[1]).toBe(
        `第 5 行属于仪式“Payments\\x1b[2J 2027”（ID ${other.ceremonyId}），而不是本仪式（ID ${mine.ceremonyId}）。`,
      );
    } finally {
      await f.close();
    }
  });

  it('a line of another journal that records no ceremony: intact, it says where it came from', async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256']);
      await onlineDayOne(f, plan);
      const journal = await f.journal('other.jsonl');
      const otherPlan = { ...plan, keys: plan.keys.map((k) => ({ ...k, alias: `${k.alias}-other` })) };
      const other = await f.online(journal, otherPlan);
      await other.connect();
      await other.createKeys(otherPlan.keys);
      await journal.close();
      const file = path.join(f.dir, 'online.jsonl');
      const lines = (await readFile(file, 'utf8')).split('\n');
      const otherLines = (await readFile(path.join(f.dir, 'other.jsonl'), 'utf8')).split('\n');
      const created = otherLines.find((l) => l.includes('"event":"key.created"')) as string;
      const at = lines.findIndex((l) => l.includes('"event":"key.created"'));
      lines.splice(at, 1, created);
      await writeFile(file, lines.join('\n'));
      const [where, whence, next] = verify(file, 'en');
      expect(where).toMatch(new RegExp(`^line ${at + 1}: `));
      expect(whence).toBe(
        `Line ${at + 1} is an intact entry (key.created), not an edited one: the entry it came after is in no line of this file: that entry was removed, or the line comes from another journal or from a copy of this one that went on further.`,
      );
      expect(next).toMatch(new RegExp(`^This journal cannot be trusted from line ${at + 1} on\\.`));
      expect(verify(file, 'zh-CN')[1]).toBe(
        `第 ${at + 1} 行是一条完好的记录（key.created），并未被修改：它所接续的记录不在此文件的任何一行中：该记录已被删除，或者此行来自另一份日志或本日志一份写得更远的副本。`,
      );
    } finally {
      await f.close();
    }
  });

  it('says nothing of another ceremony when a line of this journal was altered', async () => {
    const f = await createFixture();
    try {
      await onlineDayOne(f, f.plan(['AES_256']));
      const file = path.join(f.dir, 'online.jsonl');
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[4] = (lines[4] as string).replace('"actor":"Ana"', '"actor":"Eve"');
      await writeFile(file, lines.join('\n'));
      const out = verify(file, 'en');
      expect(out[0]).toMatch(/^line 5: /);
      expect(out.join('\n')).not.toContain('belongs to ceremony');
    } finally {
      await f.close();
    }
  });
});
