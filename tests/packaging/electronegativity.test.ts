/**
 * scripts/electronegativity.mjs (`npm run audit:electron`) on small fixture projects: it must fail
 * on an insecure window, accept a finding only with a written reason, and flag stale suppressions.
 * (The real project is audited by `npm test` itself.)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '../../scripts/electronegativity.mjs');

const insecureWindow = `import { BrowserWindow } from 'electron';
export function open(): BrowserWindow {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
}
`;

/**
 * Four minutes: an audit takes seconds on an idle machine, but on a loaded 2-core one it ran past
 * a minute, and a killed audit (no exit code) failed the test for no fault of the script.
 */
const AUDIT_TIMEOUT_MS = 240_000;

function audit(root: string) {
  const result = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8', timeout: AUDIT_TIMEOUT_MS });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

// A test runs up to two audits (the file's default timeout would fail it between them).
describe('audit:electron', { timeout: 2 * AUDIT_TIMEOUT_MS + 60_000 }, () => {
  let root: string;
  let firstOutput = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keyferry-audit-'));
    await mkdir(path.join(root, 'src-main/app'), { recursive: true });
    await writeFile(path.join(root, 'src-main/app/window.ts'), insecureWindow);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('fails on an insecure window, naming check, file and line, in short lines', () => {
    const { code, output } = audit(root);
    firstOutput = output;
    expect(code).toBe(1);
    expect(output).toMatch(/SANDBOX_JS_CHECK src-main\/app\/window\.ts:3/);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK src-main\/app\/window\.ts:3/);
    expect(output).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK N\/A/);
    for (const line of output.trim().split('\n')) expect(line.length).toBeLessThan(300);
  });

  it('refuses a suppression without a real reason, before scanning', async () => {
    await writeFile(
      path.join(root, 'electronegativity-suppressions.json'),
      JSON.stringify({ suppressions: [{ check: 'SANDBOX_JS_CHECK', file: 'src-main/app/window.ts', reason: 'ok' }] }),
    );
    const { code, output } = audit(root);
    expect(code).toBe(1);
    expect(output).toMatch(/each reason a written sentence/);
  });

  it('passes when every finding is suppressed with a reason, and fails again on a stale entry', async () => {
    const findings = [...firstOutput.matchAll(/^audit:electron: ([A-Z_]+) (\S+?)(?::\d+)?: /gm)].map((m) => ({
      check: m[1],
      file: m[2],
      reason: 'Fixture project: this test accepts every finding on purpose.',
    }));
    expect(findings.length).toBeGreaterThan(2);

    const passed = audit(await withSuppressions(root, findings));
    expect(passed.output).toMatch(/no unexplained findings/);
    expect(passed.code).toBe(0);

    const stale = {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'src-main/app/gone.ts',
      reason: 'This file was deleted long ago.',
    };
    const failed = audit(await withSuppressions(root, [...findings, stale]));
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/stale suppression OPEN_EXTERNAL_JS_CHECK src-main\/app\/gone\.ts/);
  });
});

async function withSuppressions(root: string, suppressions: object[]): Promise<string> {
  await writeFile(path.join(root, 'electronegativity-suppressions.json'), JSON.stringify({ suppressions }));
  return root;
}
