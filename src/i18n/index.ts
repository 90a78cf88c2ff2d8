import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang } from './lang.js';
import type { Messages } from './messages.js';

export { type Lang, LANGS, isLang, langFromArgv, langFromEnv, langOfLocale } from './lang.js';
export type { HelpText, Messages } from './messages.js';

/**
 * The catalog of a language. Renderers and message formatters take a `Lang`
 * and look their words up here; the CLI's start-up imports `en.ts` alone and
 * loads `ja.ts` only when Japanese is asked for.
 */
export function messages(lang: Lang = 'en'): Messages {
  return lang === 'ja' ? ja : en;
}
