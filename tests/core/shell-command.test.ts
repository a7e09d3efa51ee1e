/** A command line for pasting into a POSIX shell: plain words as they are, others single-quoted. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine } from '../../src-main/core/shell-command';

describe('commandLine', () => {
  it('quotes only the words that need it, and a quote inside a word so the shell gives it back', () => {
    const words = ['pkcs11-tool', '--label', "keyferry KF-1 it's", '--id', '6162', '--module', '/opt/a b.so'];
    const line = commandLine(words);
    expect(line).toBe(`pkcs11-tool --label 'keyferry KF-1 it'\\''s' --id 6162 --module '/opt/a b.so'`);
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${commandLine(words.slice(1))}`]).toString();
    expect(echoed.trim().split('\n')).toEqual(words.slice(1));
  });
});
