/**
 * UI strings of the popup and the options page, from _locales/<lang>/messages.json
 * through the browser's i18n API (the browser picks the reader's language, else English).
 */
import browser from 'webextension-polyfill';
import { formatDate } from '../core/format';

/** The message `key`, with $1…$9 replaced by `subs`; the key itself if it is missing (visible in tests, never blank). */
export function t(key: string, ...subs: (string | number)[]): string {
  const s = browser.i18n.getMessage(key, subs.length ? subs.map(String) : undefined);
  return s || key;
}

/** The language the strings are actually shown in (the locale file the browser chose). */
export function uiLang(): string {
  return t('langCode') === 'langCode' ? 'en' : t('langCode');
}

/** "31 Jan 2024" in English (as the card writes it), the locale's own short form otherwise. */
export function formatDay(iso: string): string {
  const lang = uiLang();
  if (lang === 'en') return formatDate(iso);
  try {
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return formatDate(iso);
  }
}

let regions: Intl.DisplayNames | undefined;
/** "United Kingdom" for GB, "European Union" for EU; the code when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) return t('countryUnknown');
  try {
    regions ??= new Intl.DisplayNames([uiLang()], { type: 'region' });
    return regions.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Number with the UI language's grouping. */
export function num(n: number): string {
  return n.toLocaleString(uiLang());
}
