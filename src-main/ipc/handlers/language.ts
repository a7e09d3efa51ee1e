/**
 * The language the officer reads, told to the main process: the renderer sends the language of its
 * screens (`app.language`) when it starts and whenever the officer switches it on the start screen, so
 * what main shows itself (file pickers, the menu, the About panel, the leave question, startup
 * dialogs) speaks the same language, not the operating system's. A language the officer CHOSE is
 * remembered for this user (the app stores it in its user-data folder, as the renderer keeps its own
 * copy), so the next start's menu and dialogs use it before any screen is shown; a language the
 * screens merely took from the system is used for the session and not remembered.
 */
import type { DisplayLocale } from '../../i18n/locale';
import type { HandlerContext } from '../context';
import type { ChannelHandler } from './channel-handler';

/** Where a chosen language is kept between runs (the app: a file in userData; tests: a folder of their own). */
export interface LanguageMemory {
  remember(locale: DisplayLocale): Promise<void>;
}

export interface LanguageController {
  /** The language main speaks now. */
  current(): DisplayLocale;
  /** Switches to `locale`; remembers it when the officer chose it. Resolves true when remembered. */
  choose(locale: DisplayLocale, chosen: boolean): Promise<boolean>;
}

/**
 * A controller starting at `initial` (the remembered choice, else the system's language). `onChange`
 * runs after every switch to another language (the app rebuilds its menu and About panel there).
 */
export function createLanguageController(options: {
  initial: DisplayLocale;
  memory?: LanguageMemory;
  onChange?: (locale: DisplayLocale) => void;
}): LanguageController {
  let current = options.initial;
  return {
    current: () => current,
    choose: async (locale, chosen) => {
      const changed = locale !== current;
      current = locale;
      if (changed) options.onChange?.(locale);
      if (!chosen || !options.memory) return false;
      await options.memory.remember(locale);
      return true;
    },
  };
}

export function languageHandlers(
  context: HandlerContext,
  language: LanguageController,
): { setLanguage: ChannelHandler<'setLanguage'> } {
  return {
    setLanguage: async ({ locale, chosen }) => {
      let remembered = false;
      try {
        remembered = await language.choose(locale, chosen);
      } catch (error) {
        // The language still applies for this session; only the next start falls back to the system's.
        context.log.warn('language.not-remembered', { locale, error });
      }
      context.log.info('language.set', { locale, chosen, remembered });
      return { locale: language.current(), remembered };
    },
  };
}
