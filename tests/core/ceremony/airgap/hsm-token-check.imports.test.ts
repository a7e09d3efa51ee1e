/**
 * hsm-material.ts opens its token through hsm-token-check.ts, so hsm-token-check.ts (and the step
 * that opens the source, hsm-source-step.ts, for what it requests) must not import hsm-material.ts
 * back, not even for a type: what both take (the officer's request) has its own file,
 * hsm-source-request.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = path.resolve(__dirname, '../../../../src-main/core/ceremony/airgap');

/** The relative modules `file` (in the airgap folder) imports, type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(folder, file), 'utf8');
  return [...text.matchAll(/^import[^;]*?from '(\.[^']+)';/gms)].map((m) => m[1] as string);
}

describe('hsm-token-check.ts and hsm-material.ts', () => {
  it('import in one direction only: the material source uses the token check, never the reverse', () => {
    expect(importsOf('hsm-material.ts')).toContain('./hsm-token-check');
    expect(importsOf('hsm-token-check.ts')).not.toContain('./hsm-material');
    expect(importsOf('hsm-token-check.ts')).toContain('./hsm-source-request');
  });
});
