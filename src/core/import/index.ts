/**
 * Reader imports (docs/import.md): a file the reader chose becomes a data layer of
 * its own, or is rejected with every problem named by row and field. Pure: runs
 * in the service worker, the options page, the CLI and the tests alike.
 *
 * Formats, recognised by content (not by the file's name): Popolo JSON,
 * Wikidata entity JSON, and CSV with the documented columns.
 */
import type { Source } from '../schema';
import { buildLayer } from './build';
import { readCsv } from './csv';
import { decodeFile } from './decode';
import { Fields, isIsoDate } from './fields';
import { isObject, parseJson, type JsonValue } from './json';
import { isPopolo, readPopolo } from './popolo';
import { isWikidata, readWikidata } from './wikidata';
import { ImportFailure, MAX_ERRORS, Problems, quote, type ImportOptions, type ImportResult } from './types';

export type { ImportedLayer, ImportError, ImportOptions, ImportResult } from './types';
export { MAX_BYTES, MAX_DEPTH, MAX_ERRORS, MAX_RECORDS } from './types';
export { COLUMNS as CSV_COLUMNS } from './csv';

export const IMPORTED_LICENCE = 'imported by the reader';

/** The file's own name, without any folders, as the source's name. */
export function sourceName(fileName: string): string {
  const base = String(fileName ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim().slice(0, 120);
  return clean || 'imported file';
}

function describeJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    if (!value.length) return 'an empty list';
    const kinds = new Set(value.map((x) => (Array.isArray(x) ? 'list' : x === null ? 'null' : typeof x)));
    return kinds.size === 1 ? `a list of ${[...kinds][0] === 'number' ? 'numbers' : [...kinds][0] === 'string' ? 'texts' : [...kinds][0] === 'object' ? 'objects' : `${[...kinds][0]}s`}` : 'a list';
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? `an object with ${keys.slice(0, 5).map((k) => quote(k)).join(', ')}${keys.length > 5 ? '…' : ''}` : 'an empty object';
  }
  return value === null ? 'null' : typeof value === 'string' ? 'a single text value' : `a single ${typeof value}`;
}

/**
 * Read a file the reader chose. Never throws: a file that cannot be imported
 * comes back as `ok: false` with its problems (all or nothing: one bad record
 * rejects the file).
 */
export function parseImport(bytes: Uint8Array | string, fileName: string, opts: ImportOptions): ImportResult {
  const problems = new Problems();
  try {
    if (typeof opts?.sourceId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(opts.sourceId)) {
      throw new ImportFailure('options', `sourceId ${quote(opts?.sourceId)} must be 1–100 letters, digits, ".", "_" or "-"`);
    }
    if (typeof opts.today !== 'string' || !isIsoDate(opts.today)) throw new ImportFailure('options', `today ${quote(opts.today)} is not a date (expected YYYY-MM-DD)`);
    if (!(bytes instanceof Uint8Array) && typeof bytes !== 'string') throw new ImportFailure('file', 'the file could not be read (no content)');

    const text = decodeFile(bytes, problems);
    const first = text.search(/\S/);
    if (first < 0) throw new ImportFailure('file', text.length ? 'the file is empty (it holds only blank space)' : 'the file is empty');
    const fields = new Fields(problems, opts.today);
    const c = text[first];
    let drafts;
    if (c === '{' || c === '[') {
      const { value, droppedKeys } = parseJson(text);
      if (droppedKeys) problems.warn(`ignored ${droppedKeys === 1 ? 'a key' : `${droppedKeys} keys`} named __proto__, constructor or prototype (never used)`);
      if (isWikidata(value)) drafts = readWikidata(value, fields, problems);
      else if (isPopolo(value)) drafts = readPopolo(value, fields, problems);
      else {
        throw new ImportFailure('file', `this JSON is not a format Nameplate reads: expected Popolo (an object with "persons" and "memberships") or Wikidata (an object with "entities"), found ${describeJson(value)}`);
      }
    } else if (c === '<') {
      throw new ImportFailure('file', 'this looks like a web page or XML, not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files');
    } else {
      drafts = readCsv(text, fields, problems);
    }
    if (problems.errorCount) return { ok: false, errors: problems.errors, errorCount: problems.errorCount };

    const source: Source = { id: opts.sourceId, name: sourceName(fileName), licence: IMPORTED_LICENCE, url: `file:${sourceName(fileName)}` };
    const layer = buildLayer(source, drafts.people, drafts.tenures, problems);
    if (problems.errorCount) return { ok: false, errors: problems.errors, errorCount: problems.errorCount };
    return { ok: true, layer, warnings: problems.warnings() };
  } catch (e) {
    const failure = e instanceof ImportFailure ? e : new ImportFailure('file', `the file could not be read (${e instanceof Error ? e.message : String(e)})`);
    // The structural problem first: it is why nothing else could be checked.
    const errors = [{ where: failure.where, message: failure.message }, ...problems.errors].slice(0, MAX_ERRORS);
    return { ok: false, errors, errorCount: problems.errorCount + 1 };
  }
}
