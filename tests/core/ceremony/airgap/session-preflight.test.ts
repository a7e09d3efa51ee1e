/**
 * One air-gapped session's preflight (src-main/core/ceremony/airgap/session-preflight.ts) on real
 * folders and a real journal: nothing is allowed before it passed, a refused place is journaled and
 * leaves the session unchecked, later steps must name the folders it checked, and the bundle is
 * written with the expiry it fixed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import {
  requirePreflightedFolder,
  SessionPreflight,
} from '../../../../src-main/core/ceremony/airgap/session-preflight';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

const KEY = { keyId: '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54', keySpec: 'AES_256' } as unknown as ImportParameters;

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-session-preflight-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SessionPreflight', () => {
  it('allows nothing before it passed, and a refused place leaves the session unchecked (journaled)', async () => {
    const preflight = new SessionPreflight({ journal, operator: 'Ana' });
    expect(() => preflight.require('generate')).toThrow(expect.objectContaining({ code: 'PREFLIGHT_REQUIRED' }));
    const missing = { wrappedBundle: path.join(dir, 'wrapped'), receiptFolder: path.join(dir, 'no-such-folder') };
    await expect(preflight.run([KEY], missing, 'receipt', () => undefined)).rejects.toMatchObject({
      code: expect.stringMatching(/^PREFLIGHT_/),
    });
    expect(preflight.destinations).toBeUndefined();
    expect(journal.entries.map((e) => e.event)).toContain('preflight.refused');
  });

  it('checks the places, then later steps must name the folders it checked', async () => {
    const preflight = new SessionPreflight({ journal, operator: 'Ana' });
    await preflight.run(
      [KEY],
      { wrappedBundle: path.join(dir, 'w', '..', 'wrapped'), receiptFolder: dir },
      'r',
      () => undefined,
    );
    const checked = preflight.require('bundle');
    expect(checked.wrappedBundle).toBe(path.join(dir, 'wrapped'));
    expect(() => requirePreflightedFolder('bundle', path.join(dir, 'wrapped'), checked.wrappedBundle)).not.toThrow();
    expect(() => requirePreflightedFolder('bundle', path.join(dir, 'other'), checked.wrappedBundle)).toThrow(
      expect.objectContaining({ code: 'PREFLIGHT_FOLDER_DIFFERS' }),
    );
    // The request named no expiry: the bundle takes the one given, never when none is.
    expect(preflight.bundleExpiries(path.join(dir, 'wrapped'), undefined)(KEY.keyId)).toEqual({ kind: 'never' });
    expect(() => preflight.bundleExpiries(path.join(dir, 'other'), undefined)).toThrow(
      expect.objectContaining({ code: 'PREFLIGHT_FOLDER_DIFFERS' }),
    );
  });

  it('writes the bundle with the expiry it fixed, and refuses another one', async () => {
    const preflight = new SessionPreflight({ journal, operator: 'Ana' });
    const at = { kind: 'at', at: new Date('2031-01-01T00:00:00.000Z') } as const;
    await preflight.run(
      [KEY],
      { wrappedBundle: path.join(dir, 'wrapped'), receiptFolder: dir, materialExpiry: at },
      'r',
      () => [{ keyId: KEY.keyId, keySpec: 'AES_256', planned: at, requested: at, overridden: false }],
    );
    const wrapped = path.join(dir, 'wrapped');
    expect(preflight.bundleExpiries(wrapped, at)(KEY.keyId)).toEqual(at);
    expect(() => preflight.bundleExpiries(wrapped, { kind: 'never' })).toThrow(
      expect.objectContaining({ code: 'PREFLIGHT_EXPIRY_DIFFERS' }),
    );
  });
});
