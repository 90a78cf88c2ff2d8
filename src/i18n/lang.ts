/** The languages salesmetrics speaks. Only wording changes with the language: never JSON keys, metric ids, CSV headers, JUnit or exit codes. */
export type Lang = 'en' | 'ja';

export const LANGS: readonly Lang[] = ['en', 'ja'];

/** Whether a string names a language salesmetrics speaks. */
export function isLang(value: string | undefined): value is Lang {
  return value === 'en' || value === 'ja';
}

/**
 * The language of a POSIX locale: `ja`, `ja_JP`, `ja_JP.UTF-8`, `ja-JP` → `ja`;
 * anything else (`C`, `C.UTF-8`, `en_US.UTF-8`, `fr_FR`) → `en`.
 */
export function langOfLocale(locale: string): Lang {
  return /^ja(?:[_.@-]|$)/i.test(locale) ? 'ja' : 'en';
}

/**
 * The language the environment asks for, the POSIX way: the first of
 * `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides.
 * @default 'en' when none is set
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return langOfLocale(value);
  }
  return 'en';
}

/**
 * The value of the last `--lang X` or `--lang=X` before `--`, when it names a
 * language; read before commander parses the command line, because the
 * help and the parsing errors are worded in it. An unknown value gives
 * `undefined`, and commander then reports it.
 */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i];
    else if (arg?.startsWith('--lang=') === true) value = arg.slice('--lang='.length);
    else continue;
    lang = isLang(value) ? value : undefined;
  }
  return lang;
}
