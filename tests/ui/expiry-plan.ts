/**
 * What the tests of the app's material expiries share: a plan (the CLI's JSON) with a ceremony-wide
 * 90 days, an AES key with none of its own, one with its own 30 days and an EC key; the text
 * receipts a ceremony folder holds; a key's line in the online import step.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The plan, titled `title`, run by Ana with witness Ben; `pk/ceremony` takes the ceremony's expiry. */
export function ninetyDayPlan(title: string) {
  return {
    title,
    operator: 'Ana',
    witnesses: ['Ben'],
    materialExpiry: '90d',
    keys: [
      { alias: 'pk/ceremony', spec: 'AES_256' },
      { alias: 'pk/thirty', spec: 'AES_256', materialExpiry: '30d' },
      { alias: 'pk/ec', spec: 'EC_P256' },
    ],
  };
}

/** The text of every receipt (`.txt`) under `folder`. */
export async function textReceipts(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.txt'));
  return Promise.all(files.map((e) => readFile(path.join(e.parentPath, e.name), 'utf8')));
}

/** The online import step's line of key `keyId`: the material expiry it was imported with. */
export function importedLine(page: Page, keyId: string | undefined): Promise<string | null> {
  return page.locator(`[data-section="online-import"] ul.imported li[data-key-id="${keyId}"]`).textContent();
}
