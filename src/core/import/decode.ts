/**
 * From a file's bytes to text: size limit, files that are not text at all
 * (images, PDFs, spreadsheets), byte-order marks, and UTF-8 with a fall-back to
 * Windows-1252 (what Excel on Windows writes for "CSV").
 */
import { ImportFailure, MAX_BYTES, type Problems } from './types';

const EXPECTED = 'Nameplate imports CSV, Popolo JSON or Wikidata JSON files';

/** Signatures of common non-text files, and what to tell the reader. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or OpenDocument spreadsheet is one: save it as CSV first)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Office file (.xls or .doc: save it as CSV first)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file (decompress it first)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

/** Windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard); the rest of the code page is Latin-1. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`;
}

export function checkSize(size: number): void {
  if (size > MAX_BYTES) {
    throw new ImportFailure('file', `the file is ${sizeText(size)}; Nameplate imports files of at most ${MAX_BYTES / (1024 * 1024)} MB: split it into smaller files`);
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.length <= b.length && sig.every((x, i) => b[i] === x);

function decodeWindows1252(bytes: Uint8Array): string {
  // Browsers decode windows-1252 per the standard; some Node versions decode it as
  // Latin-1 (nodejs/node#60888), so the 0x80–0x9F block is mapped here either way.
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** The file's text, or a failure naming what the file is when it is not text. */
export function decodeFile(input: Uint8Array | string, problems: Problems): string {
  if (typeof input === 'string') {
    checkSize(input.length);
    return checkText(input.replace(/^\ufeff/, ''), EXPECTED);
  }
  checkSize(input.byteLength);
  return decodeText(input, problems, { kind: 'a data file', expected: EXPECTED });
}

/**
 * Bytes that should be text (a data file, an article) → the text: non-text files are
 * named ("this is a PNG image"), byte-order marks honoured (UTF-8, UTF-16), invalid
 * UTF-8 read as Windows-1252 with a warning. `kind` and `expected` word the errors.
 */
export function decodeText(input: Uint8Array, problems: Problems, words: { kind: string; expected: string; resave?: string }): string {
  if (input.byteLength === 0) throw new ImportFailure('file', 'the file is empty');
  for (const m of MAGIC) {
    if (startsWith(input, m.bytes)) throw new ImportFailure('file', `this is ${m.what}, not ${words.kind}. ${words.expected}`);
  }
  if (startsWith(input, [0xef, 0xbb, 0xbf])) return checkText(strictUtf8(input.subarray(3)) ?? fallback(input.subarray(3), problems, words.resave), words.expected);
  if (startsWith(input, [0xff, 0xfe])) return checkText(new TextDecoder('utf-16le').decode(input.subarray(2)), words.expected);
  if (startsWith(input, [0xfe, 0xff])) return checkText(new TextDecoder('utf-16be').decode(input.subarray(2)), words.expected);
  if (input.includes(0)) throw binary(words.expected);
  return checkText(strictUtf8(input) ?? fallback(input, problems, words.resave), words.expected);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function fallback(bytes: Uint8Array, problems: Problems, resave = 'save the file as "CSV UTF-8" and import it again'): string {
  problems.warn(`the file is not valid UTF-8, so it was read as Windows-1252 (Western European, what Excel on Windows writes). Check that accented letters look right; if not, ${resave}`);
  return decodeWindows1252(bytes);
}

const binary = (expected: string) => new ImportFailure('file', `the file is binary (it contains NUL bytes), not text. ${expected}`);

/**
 * Text that is really binary: NUL characters, many control characters, or (random
 * bytes read as Windows-1252) many C1 controls and unassigned code points.
 */
function checkText(text: string, expected: string): string {
  if (text.includes('\u0000')) throw binary(expected);
  const sample = text.slice(0, 4096);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  if (controls > 8 && controls > sample.length / 20) throw new ImportFailure('file', `the file is binary (it is full of control characters), not text. ${expected}`);
  return text;
}
