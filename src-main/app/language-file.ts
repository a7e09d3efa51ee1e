/**
 * The language the officer chose on the start screen, kept for this user in the app's userData
 * folder (`language.json`), so the next start's menu, About panel and startup dialogs speak it
 * before any screen is shown (the screens keep their own copy in the renderer's storage). Read with
 * zod like every file Keyferry did not just write: anything else (absent, too large, a link, not
 * the format) means "not chosen" and the system's language applies.
 */
import { lstatSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, PSEUDO_LOCALE, type DisplayLocale } from '../i18n/locale';
import type { LanguageMemory } from '../ipc/handlers/language';
import { replaceFileAtomically } from './credential-vault';

const FORMAT = 'keyferry-language/1';
const MAX_BYTES = 1024;

const languageFileSchema = z.strictObject({
  format: z.literal(FORMAT),
  locale: z.enum([...LOCALES, PSEUDO_LOCALE]),
});

/** The remembered language in `file`, or undefined when none is (or the file is not one Keyferry wrote). */
export function readRememberedLanguage(file: string): DisplayLocale | undefined {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    const parsed = languageFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.locale : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a chosen language in `file` (written whole or not at all). */
export function languageFile(file: string): LanguageMemory {
  return {
    remember: async (locale) => {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await replaceFileAtomically(file, `${JSON.stringify({ format: FORMAT, locale })}\n`);
    },
  };
}
