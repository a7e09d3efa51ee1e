/**
 * Test helper: an air-gapped session up to its wrap, on real folders and a real journal: each
 * key's material generated and wrapped under the committed test wrapping keys (journaled
 * `material.wrapped`), and a session preflight not yet run for its bundle and receipt folders.
 * The wrapped-bundle writer and the receipt step start from here.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { SessionPreflight } from '../../../../src-main/core/ceremony/airgap/session-preflight';
import { wrapAll } from '../../../../src-main/core/ceremony/airgap/wrap';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import { openJournal } from '../../../../src-main/core/journal';
import { makeImportParameters, tempDir } from '../../bundle/bundle-fixtures';

export const CEREMONY_ID = 'KF-20261202-wrapped';

/** An AES-256 and an EC P-256 key wrapped; `destinations` name a new bundle folder and an empty receipt folder. */
export async function wrappedSession() {
  const dir = await tempDir('kf-wrapped-session-');
  const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  const context = { journal, operator: 'Officer', witnesses: ['Wendy'] };
  const parameters = makeImportParameters(2, new Date(), ['AES_256', 'EC_P256']);
  const vault = new MaterialVault();
  for (const p of parameters) vault.put(p.keyId, await generateKeyMaterial(p.keySpec));
  const wrapped = await wrapAll(parameters, vault, context);
  vault.close();
  const receipts = path.join(dir, 'receipts');
  await mkdir(receipts);
  const destinations = { wrappedBundle: path.join(dir, 'wrapped'), receiptFolder: receipts };
  const preflight = new SessionPreflight(context);
  /** Runs the preflight of `destinations` (no expiry named: the bundle takes the one given). */
  const preflightPasses = () => preflight.run(parameters, destinations, 'receipt', () => undefined);
  return { dir, journal, context, parameters, wrapped, preflight, destinations, preflightPasses };
}
