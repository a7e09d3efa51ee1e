/**
 * Errors as values: what a person reads when something fails is a code, the values that explain
 * it and a sentence rendered in their language, crossing IPC as a plain object; an unexpected
 * failure shows its message only, never a stack or an object dump.
 */
import { describe, expect, it } from 'vitest';
import { causeValues, isKeyferryError, KeyferryError, selectedProblem, toProblem } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';

describe('KeyferryError', () => {
  it('carries its code, its values and the English texts of the catalogue', () => {
    const error = new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'manifest.json' });
    expect(error).toBeInstanceOf(Error);
    expect(isKeyferryError(error)).toBe(true);
    expect(error.code).toBe('BUNDLE_HASH_MISMATCH');
    expect(error.values).toEqual({ file: 'manifest.json' });
    expect(error.message).toBe('manifest.json does not match its SHA-256 in the manifest: it was changed or damaged.');
    expect(error.nextStep).toBe(translator('en').problem(error).nextStep);
    expect(error.nextStep.length).toBeGreaterThan(0);
  });

  it('keeps its own copy of the values, whatever the caller does with its object afterwards', () => {
    const values = { file: 'key-1.bin' };
    const error = new KeyferryError('BUNDLE_HASH_MISMATCH', values);
    values.file = 'other.bin';
    expect(error.values).toEqual({ file: 'key-1.bin' });
    expect(error.toProblem().values).toEqual({ file: 'key-1.bin' });
  });

  it('keeps the error that caused it', () => {
    const cause = new Error('EIO: i/o error, write');
    expect(new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'a' }, { cause }).cause).toBe(cause);
  });

  it('crosses IPC as a plain object the other side renders in its own language', () => {
    const problem = toProblem(new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'manifest.json' }));
    const received = structuredClone(problem);
    expect(received).toEqual(problem);
    expect(Object.keys(received).sort()).toEqual(['code', 'message', 'nextStep', 'values']);
    expect(translator('zh-CN').problem(received).message).toBe(
      'manifest.json 与清单中记录的 SHA-256 不符：文件被改动或已损坏。',
    );
  });

  it('takes the sentences as given for a code with no catalogue entry yet', () => {
    const error = new KeyferryError('SOMETHING_NEW', 'The widget broke.', 'Mend the widget.');
    expect(error.toProblem()).toEqual({
      code: 'SOMETHING_NEW',
      message: 'The widget broke.',
      nextStep: 'Mend the widget.',
    });
  });
});

describe('selectedProblem', () => {
  it('fills the branch of a select with only the values that branch names', () => {
    const error = selectedProblem('BUNDLE_WRITE_FAILED', { dir: '/media/KEYS/bundle', errno: 'ENOSPC' });
    expect(error.code).toBe('BUNDLE_WRITE_FAILED');
    expect(error.message).toBe(
      'Writing the bundle to /media/KEYS/bundle failed, so that folder is not a bundle: the media is full.',
    );
  });
});

describe('causeValues', () => {
  it('names a coded cause by its code and values, so each reader sees it in their language', () => {
    const inner = new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'manifest.json' });
    expect(causeValues(inner)).toEqual({ cause: 'BUNDLE_HASH_MISMATCH', causeValues: '{"file":"manifest.json"}' });
    const outer = new KeyferryError('SHARE_FILE_REFUSED', { file: 'share-2.json', ...causeValues(inner) });
    expect(outer.message).toBe(
      'share-2.json: manifest.json does not match its SHA-256 in the manifest: it was changed or damaged.',
    );
    expect(translator('zh-CN').problem(outer.toProblem()).message).toBe(
      'share-2.json：manifest.json 与清单中记录的 SHA-256 不符：文件被改动或已损坏。',
    );
  });

  it('gives the sentence of a cause that has no catalogue entry', () => {
    expect(causeValues(new KeyferryError('SOMETHING_NEW', 'The widget broke.', 'Mend it.'))).toEqual({
      cause: 'The widget broke.',
      causeValues: '{}',
    });
  });
});

describe('toProblem', () => {
  it('shows an unexpected failure by its message only: no stack, no object dump, at most 1500 characters', () => {
    const error = new Error(`disk on fire ${'x'.repeat(3000)}`);
    const problem = toProblem(error);
    expect(problem.code).toBe('INTERNAL');
    expect(problem.values).toEqual({ detail: error.message.slice(0, 1500) });
    expect(problem.message).toBe(`Unexpected failure: ${error.message.slice(0, 1500)}`);
    expect(JSON.stringify(problem)).not.toContain('    at ');
    expect(problem.nextStep).toContain('Nothing was marked as done');
    expect(toProblem('a thrown string').values).toEqual({ detail: 'a thrown string' });
    expect(toProblem({ secret: 'key bytes' }).values).toEqual({ detail: '[object Object]' });
  });

  it('passes a KeyferryError through with its code and values', () => {
    const error = new KeyferryError('BUNDLE_HASH_MISMATCH', { file: 'manifest.json' });
    expect(toProblem(error)).toEqual(error.toProblem());
    expect(toProblem(error).code).toBe('BUNDLE_HASH_MISMATCH');
  });
});
