/**
 * Text folding for matching. Every UTF-16 code unit folds to exactly one code
 * unit, so an offset in the folded text is the same offset in the original:
 * no offset maps are needed anywhere downstream.
 */

const foldCache = new Map<number, string>();

function foldUnit(code: number): string {
  let folded = foldCache.get(code);
  if (folded !== undefined) return folded;
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) folded = ch; // surrogate halves stay as they are
  else if (code === 0x60) folded = "'";
  else if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x00b4 || code === 0x0060) folded = "'";
  else if (code === 0x00a0 || code === 0x2007 || code === 0x202f || (code >= 0x2000 && code <= 0x200a)) folded = ' ';
  else if (code >= 0x2010 && code <= 0x2013) folded = '-';
  else {
    // Strip diacritics: é → e. Keep the character when it has no one-unit base (ß, æ, ł).
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    folded = base.length === 1 ? base : ch;
    if (code === 0x0142 || code === 0x0141) folded = 'l';
    if (code === 0x00f8 || code === 0x00d8) folded = 'o';
  }
  foldCache.set(code, folded);
  return folded;
}

/** Lower-case, accent-free, apostrophe- and space-unified copy of `text`, same length. */
export function fold(text: string): string {
  // Native lower-casing first (fast), unless it would change the length (e.g. "İ").
  const lower = text.toLowerCase();
  const base = lower.length === text.length ? lower : slowLower(text);
  return base.replace(NON_ASCII, (ch) => foldUnit(ch.charCodeAt(0)));
}

const NON_ASCII = /[`\u0080-\uffff]/g;

function slowLower(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

/** A word token of folded text: letters and digits (apostrophes, hyphens and spaces separate tokens). */
export const TOKEN = /[\p{L}\p{N}]+/u;
const TOKENS = new RegExp(TOKEN.source, 'gu');

/** Fold a name or phrase to the canonical key the matcher indexes: folded tokens joined by one space. */
export function nameKey(name: string): string {
  return (fold(name).match(TOKENS) ?? []).join(' ');
}

/** Is the first letter of the token at `start` upper-case in the original text? */
export function isCapitalised(original: string, start: number): boolean {
  const ch = original.charAt(start);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
