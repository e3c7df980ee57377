/**
 * The translation helper of the whole browser app (pages, bpmn-js, properties panel, lint).
 * Keys are the English source strings, as in bpmn-js: English needs no table, any string
 * without a Vietnamese entry still shows (in English) instead of a blank.
 * Vietnamese is the default; the choice is kept in localStorage and applied on reload,
 * because bpmn-js renders its palette and context pad once.
 */
export type Language = 'vi' | 'en';
export type Replacements = Record<string, string | number>;
export type TranslationTable = Readonly<Record<string, string>>;

export const LANGUAGE_STORAGE_KEY = 'onedoor.lang';

class I18n {
  private readonly exact = new Map<string, string>();
  // bpmn-js builds some labels from type names ("Timer Boundary Event (Non Interrupting)"),
  // so a case- and dash-insensitive second lookup catches them without listing every casing.
  private readonly loose = new Map<string, string>();

  get language(): Language {
    return readStoredLanguage();
  }

  /** Adds Vietnamese translations; later tables win on duplicate keys. */
  register(table: TranslationTable): void {
    for (const [key, value] of Object.entries(table)) {
      this.exact.set(key, value);
      this.loose.set(looseKey(key), value);
    }
  }

  t = (template: string, replacements: Replacements = {}): string => {
    const translated = this.language === 'vi' ? this.lookup(template) : template;
    return translated.replace(/{([^}]+)}/g, (match, name: string) =>
      name in replacements ? String(replacements[name]) : match,
    );
  };

  /** Saves the language and reloads, so every widget is rebuilt in it. */
  switchTo(language: Language): void {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // storage disabled: the switch still applies to this page load only
    }
    location.reload();
  }

  private lookup(template: string): string {
    return this.exact.get(template) ?? this.loose.get(looseKey(template)) ?? template;
  }
}

function looseKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, ' ').replace(/[()]/g, '').trim();
}

function readStoredLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const i18n = new I18n();
