/**
 * Which test files keep a process of their own (vitest.config.ts's "isolated" project): the ones
 * that change what the next file in a shared process would find, themselves or through a helper.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFilesNeedingTheirOwnProcess } from './isolation';

const FILES: Record<string, string> = {
  'tests/plain.test.ts': "import { expect, it } from 'vitest';\nimport { helper } from './helpers/plain';\n",
  'tests/helpers/plain.ts': 'export const helper = 1;\n',
  'tests/mocks.test.ts': "import { expect, it, vi } from 'vitest';\nvi.mock('node:os');\n",
  'tests/spies.test.ts':
    "import { afterEach, it, vi } from 'vitest';\nvi.spyOn(os, 'networkInterfaces');\nconst f = vi.fn();\nvi.useFakeTimers();\nafterEach(() => vi.useRealTimers());\n",
  'tests/names-mock.test.ts':
    "/** The setup file runs before a file's `vi.mock` hoisting. */\nimport { it } from 'vitest';\n",
  'tests/stubs.test.ts': "import { vi } from 'vitest';\nvi.stubEnv('TZ', 'UTC');\n",
  'tests/timers.test.ts': "import { vi } from 'vitest';\nvi.useFakeTimers({ toFake: ['Date'] });\n",
  'tests/env.test.ts': "process.env.TZ = 'UTC';\n",
  'tests/env-read.test.ts': "const zone = process.env.TZ === 'UTC';\n",
  'tests/listener.test.ts': "process.on('exit', () => undefined);\n",
  'tests/hsm.test.ts': "import { HsmModule } from '../src-main/core/hsm/hsm-module';\n",
  'tests/binding.test.ts': "import * as pkcs11js from 'pkcs11js';\n",
  'tests/binding-required.test.ts': "const { PKCS11 } = require('pkcs11js');\n",
  'tests/names-binding.test.ts':
    '// the asar ships node_modules/pkcs11js unpacked\nconst probe = `const { PKCS11 } = require(${JSON.stringify(addon)});`;\n',
  'tests/via-helper.test.ts': "import { token } from './helpers/token';\n",
  'tests/helpers/token.ts':
    "import { createSoftHsmToken } from './soft-tokens';\nexport const token = createSoftHsmToken;\n",
  'tests/helpers/soft-tokens.ts': 'export const createSoftHsmToken = () => undefined;\n',
  'tests/lists-sources.test.ts': "import { SOURCES } from './support/sources';\n",
  'tests/support/sources.ts': "export const SOURCES = ['src-main/core/hsm/token-object-class.ts'];\n",
};

describe('test files that need a process of their own', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kf-isolation-'));
    for (const [name, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), text);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('are the ones mocking modules, stubbing or leaving fake timers on, writing process.env, adding process listeners or loading a PKCS#11 module, also through a helper', () => {
    expect(testFilesNeedingTheirOwnProcess(root)).toEqual([
      'tests/binding-required.test.ts',
      'tests/binding.test.ts',
      'tests/env.test.ts',
      'tests/hsm.test.ts',
      'tests/listener.test.ts',
      'tests/mocks.test.ts',
      'tests/stubs.test.ts',
      'tests/timers.test.ts',
      'tests/via-helper.test.ts',
    ]);
  });

  it('include this suite’s module-mocking and SoftHSM files', () => {
    const isolated = testFilesNeedingTheirOwnProcess(path.resolve(__dirname, '../..'));
    expect(isolated).toContain('tests/core/crypto/wrap.zeroization.test.ts');
    expect(isolated).toContain('tests/core/hsm/hsm-wrap.test.ts');
    // Spies on os.networkInterfaces and fake Date timers it turns off after each test.
    expect(isolated).not.toContain('tests/cli/commands/airgap.preflight.test.ts');
    expect(isolated).not.toContain('tests/core/bundle/bundle-check.tamper-files.test.ts');
    // It names pkcs11js (the packed app ships it) and loads it only in a child process.
    expect(isolated).not.toContain('tests/packaging/pack.test.ts');
    // The UI harness's renderer build lists src-main/core/hsm/token-object-class.ts among its sources.
    expect(isolated).not.toContain('tests/ui/rehearsal.test.ts');
  });
});
