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
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path: lower-case ASCII letters, digits and most punctuation fold to themselves.
    if (code < 128 && !(code >= 65 && code <= 90) && code !== 96) continue;
    if (i > runStart) out += text.slice(runStart, i);
    out += code < 128 ? (code === 96 ? "'" : String.fromCharCode(code + 32)) : foldUnit(code);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** Is this folded code unit part of a word? (letters, digits, and non-ASCII letters) */
export function isWordUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  if (code === 0x00d7 || code === 0x00f7) return false;
  if (code >= 0x00c0 && code <= 0x024f) return true;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code === 0x00a0 || code === 0x3000 || code === 0xfeff) return false;
  return code >= 0x0370; // Greek, Cyrillic, CJK… are letters for our purposes
}

/** Fold a name or phrase to the canonical key the matcher indexes: folded tokens joined by one space. */
export function nameKey(name: string): string {
  const f = fold(name);
  const tokens: string[] = [];
  let cur = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (isWordUnit(c)) cur += f[i];
    else if (cur) {
      tokens.push(cur);
      cur = '';
    }
  }
  if (cur) tokens.push(cur);
  return tokens.join(' ');
}

/** Is the first letter of the token at `start` upper-case in the original text? */
export function isCapitalised(original: string, start: number): boolean {
  const ch = original.charAt(start);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
