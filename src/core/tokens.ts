/**
 * The scan's primitives, shared by the matcher's builder (matcher.ts) and its scanner
 * (flat-matcher.ts): what a word character is, how a token is hashed, and what may stand
 * between the tokens of one key.
 */
import { TOKEN } from './normalise';

/** Flag of a prefix entry reached by a phrase printed with punctuation between words ("growth, growth, growth"). */
export const LOOSE = 1;

export const BLOOM_BITS = 1 << 18;
export const BLOOM_WORDS = BLOOM_BITS >>> 5;
export const BLOOM_MASK = BLOOM_BITS - 1;

export function hashToken(token: string): number {
  let h = 0;
  for (let k = 0; k < token.length; k++) h = (Math.imul(h, 31) + token.charCodeAt(k)) | 0;
  return h;
}

/** Word characters, as TOKEN defines them, per UTF-16 unit (cached outside ASCII). */
const WORD = new Uint8Array(65536); // 0 unknown, 1 word, 2 not a word
for (let c = 0; c < 128; c++) WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
const SINGLE = new RegExp(`^${TOKEN.source}$`, 'u');

export function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  let w = WORD[c];
  if (w === 0) {
    // Surrogate halves: a letter outside the BMP is a word character; judge the whole code point.
    if (c >= 0xd800 && c <= 0xdfff) {
      const cp = s.codePointAt(c <= 0xdbff ? i : i - 1) ?? c;
      return SINGLE.test(String.fromCodePoint(cp));
    }
    WORD[c] = w = SINGLE.test(String.fromCharCode(c)) ? 1 : 2;
  }
  return w === 1;
}

/**
 * May two tokens separated by folded[gapStart, gapEnd) belong to one name or phrase?
 * One or two spaces, a hyphen (Rees-Mogg), an apostrophe (O'Brien), or the full
 * stop of an initial (George W. Bush), the slash of a one-letter prefix (Emeline K/Bidi), the
 * comma before a generational suffix (Donald M. Payne, Jr.).
 * Never a line break or other punctuation.
 */
/** "jr" or "sr" as a whole token at `at` of folded text. */
function generationAt(folded: string, at: number): boolean {
  const t = folded.slice(at, at + 3);
  return (t.startsWith('jr') || t.startsWith('sr')) && !/[a-z0-9]/.test(t.charAt(2));
}

export function joinable(folded: string, gapStart: number, gapEnd: number, prevLength: number): boolean {
  const gap = gapEnd - gapStart;
  const a = folded.charCodeAt(gapStart);
  if (gap === 1) return a === 32 || a === 45 || a === 39 || ((a === 46 || a === 47) && prevLength === 1);
  if (gap === 2) {
    const b = folded.charCodeAt(gapStart + 1);
    return (a === 32 && b === 32) || (a === 46 && b === 32 && prevLength === 1) || (a === 44 && b === 32 && generationAt(folded, gapEnd));
  }
  return false;
}

/** A comma, semicolon, dash, ellipsis, slash or per cent sign with spaces, within one line: allowed inside loose phrases ("55% by 2030"). */
export function looseGap(folded: string, gapStart: number, gapEnd: number): boolean {
  return gapEnd - gapStart <= 4 && /^[ ,;:!.%/\u2026-]+$/.test(folded.slice(gapStart, gapEnd));
}
