/**
 * Every field a ceremony journals has a label in both languages: the journal screen and the
 * receipts' Deviations print a field without one under its journal name (`sharesPresented: 1`,
 * which an auditor should not have to decode). A real rehearsal with a custody split is run, and
 * every data field name of its two journals, nested ones included, is looked up in the English and
 * Chinese catalogues, with the fields of entries this run does not journal named by hand.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFields, fieldLabel, fieldsText } from '../../src-main/i18n/data-fields';
import { translator } from '../../src-main/i18n/translate';
import { withdrawnBundleData } from '../../src-main/core/bundle';
import { tempDir } from '../core/bundle/bundle-fixtures';
import { keyferry } from '../integration/cli-in-process';
import { parametersDigestOf } from '../core/ceremony/witness-helpers';

let journals: string[];

beforeAll(async () => {
  const root = await tempDir('keyferry-field-labels-');
  const rehearsal = await keyferry(['rehearse', '--out', 'r', '--specs', 'AES_256,EC_P256', '--custody', '2/3'], {
    cwd: root,
  });
  expect(rehearsal.code, rehearsal.stderr).toBe(0);
  const share = (await readdir(path.join(root, 'r/custodian-1'))).find((n) => n.endsWith('-1of3.json')) as string;
  const restore = await keyferry(
    [
      'custody',
      'restore',
      ...['--share', path.join('r/custodian-1', share)],
      ...['--bundle', 'r/media/import-parameters', '--wrapped-out', 'r/media/wrapped-again'],
      ...['--journal', 'r/airgap/restore.jsonl', '--operator', 'Ana Lima', '--witness', 'Ben Okafor'],
      // The witness confirms the fresh bundle before any share is presented.
      ...['--witness-confirms', `Ben Okafor=${await parametersDigestOf(path.join(root, 'r/media/import-parameters'))}`],
      ...['--expires', 'never', '--allow-network'],
    ],
    { cwd: root },
  );
  // Too few shares are refused before the restore's journal opens (none is created for it).
  expect(restore.stderr).toContain('1 of the 2 shares needed was given');
  journals = await Promise.all(
    ['r/online/journal.jsonl', 'r/airgap/journal.jsonl'].map((j) => readFile(path.join(root, j), 'utf8')),
  );
}, 120_000);

/** Every object key under `value`, with the event it came from. */
function fieldNames(value: unknown, event: string, into: Map<string, string>): void {
  if (Array.isArray(value)) for (const item of value) fieldNames(item, event, into);
  else if (value !== null && typeof value === 'object')
    for (const [name, inner] of Object.entries(value)) {
      if (!into.has(name)) into.set(name, event);
      fieldNames(inner, event, into);
    }
}

describe('journal field labels', () => {
  it('label every field of a rehearsal and of a refused custody restore, in English and Chinese', () => {
    const names = new Map<string, string>();
    for (const text of journals)
      for (const line of text.trim().split('\n')) {
        const entry = JSON.parse(line) as { event: string; data: unknown };
        fieldNames(entry.data, entry.event, names);
      }
    // A restore refused as its shares are presented (restore/set-share-restore.ts), not journaled here.
    for (const name of ['keyIds', 'sharesPresented']) if (!names.has(name)) names.set(name, 'custody.restore-refused');
    // A stopped split's withdrawal (airgap/custody-split.ts), which this rehearsal does not journal.
    names.set('removedFiles', 'custody.withdrawn');
    names.set('leftFiles', 'custody.withdraw-failed');
    for (const locale of ['en', 'zh-CN'] as const) {
      const unlabelled = [...names].filter(([name]) => !fieldLabel(translator(locale), name).known);
      expect(unlabelled.map(([name, event]) => `${name} (${event})`)).toEqual([]);
    }
  });
});

/**
 * Every field name written as an object literal in a `*.append(operator, event, {…})` call under
 * src-main, nested ones included, with the event and place it is journaled at. Events the rehearsal
 * above never journals (a crashed session's closing, an HSM refusal) are caught here.
 */
async function appendedFieldNames(): Promise<Map<string, string>> {
  const root = path.join(__dirname, '../../src-main');
  const files = (await readdir(root, { recursive: true })).filter((f) => /\.tsx?$/.test(f));
  const names = new Map<string, string>();
  const collect = (node: ts.Node, where: string): void => {
    if (ts.isObjectLiteralExpression(node))
      for (const p of node.properties)
        if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && !ts.isComputedPropertyName(p.name))
          if (!names.has(p.name.text)) names.set(p.name.text, where);
    ts.forEachChild(node, (child) => collect(child, where));
  };
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8');
    if (!text.includes('.append(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'append' &&
        node.arguments.length === 3 &&
        ts.isStringLiteral(node.arguments[1]!)
      ) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        collect(node.arguments[2]!, `${node.arguments[1].text}, ${file}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names;
}

describe('journal field labels in the source', () => {
  it('label every field any journal.append in src-main writes, in English and Chinese', async () => {
    const names = await appendedFieldNames();
    // The scan sees the events a rehearsal never journals: a receipt voided for a bundle never completed.
    expect(names.get('voidedFiles')).toMatch(/^receipt\.voided, /);
    // A withdrawal's fields come from one function (both places that withdraw a bundle journal it).
    const withdrawn = {
      dir: '/media/w',
      marker: null,
      manifestRenamed: false,
      manifestWritten: true,
      manifestRemoved: true,
    };
    for (const name of Object.keys(withdrawnBundleData(withdrawn))) names.set(name, 'wrapped-bundle.withdrawn');
    for (const locale of ['en', 'zh-CN'] as const) {
      const unlabelled = [...names].filter(([name]) => !fieldLabel(translator(locale), name).known);
      expect(unlabelled.map(([name, where]) => `${name} (${where})`)).toEqual([]);
    }
  });
});

describe('journal field values', () => {
  it('say the side a session ran on in the reader’s words, not the journal’s value', () => {
    const session = { side: 'air-gapped', hostname: 'vm' };
    expect(fieldsText(translator('en'), dataFields(session))).toContain('Air-gapped workstation');
    expect(fieldsText(translator('zh-CN'), dataFields(session))).not.toContain('air-gapped');
    expect(fieldsText(translator('zh-CN'), dataFields({ side: 'online' }))).toBe(
      `${fieldLabel(translator('zh-CN'), 'side').text}：${translator('zh-CN').t('receipt.side', { side: 'online' })}`,
    );
  });

  it('say an empty list as none, never a label with nothing after it', () => {
    const refused = { code: 'WRAPPED_OTHER_CEREMONY', differingGroups: [] };
    expect(fieldsText(translator('en'), dataFields(refused))).toContain('Differing groups: (none)');
    expect(fieldsText(translator('zh-CN'), dataFields(refused))).toContain('（无）');
  });

  it('say where the import took its expected digest from in words', () => {
    const refused = { digestSource: 'air-gapped-receipt', code: 'WRAPPED_DIGEST_MISMATCH' };
    expect(fieldsText(translator('en'), dataFields(refused))).toContain('typed from the air-gapped receipt');
    const zh = fieldsText(translator('zh-CN'), dataFields(refused));
    expect(zh).toContain('按离线回执键入');
    expect(zh).not.toContain('air-gapped-receipt');
    expect(fieldsText(translator('zh-CN'), dataFields({ digestSource: 'rehearsal-air-gapped-side' }))).toContain(
      '取自演练的离线端',
    );
  });
});
