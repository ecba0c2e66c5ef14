/**
 * Types and shared plumbing of the import pipeline: the result shape, the limits,
 * and the collector of errors and warnings. Pure: no Node or browser API.
 */
import type { Person, Source, Tenure } from '../schema';

/** What one accepted file adds: its own source, its people and the offices they held. */
export interface ImportedLayer {
  source: Source;
  people: Person[];
  tenures: Tenure[];
}

/** A problem with a file: where it is ("row 12, column end", "persons[3].name", "file") and what is wrong, in plain English. */
export interface ImportError {
  where: string;
  message: string;
}

export type ImportResult =
  | { ok: true; layer: ImportedLayer; warnings: string[] }
  /** `errors` holds at most MAX_ERRORS; `errorCount` is how many problems were found in all. */
  | { ok: false; errors: ImportError[]; errorCount: number };

export interface ImportOptions {
  /** The id of the new source; every person id of the layer starts with it. */
  sourceId: string;
  /** The reader's local date (YYYY-MM-DD). */
  today: string;
}

export const MAX_BYTES = 20 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_RECORDS = 100_000;
export const MAX_ERRORS = 50;
/** A warning of one kind lists at most this many places, then "and N more". */
const MAX_PLACES = 5;

/** A problem that rejects the whole file (not JSON or CSV, truncated, a missing column, a limit). */
export class ImportFailure extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

/** Collects record errors (the first MAX_ERRORS, and a count of all) and warnings (grouped by kind). */
export class Problems {
  readonly errors: ImportError[] = [];
  errorCount = 0;
  private readonly notes = new Map<string, string[]>();
  private readonly noteCounts = new Map<string, number>();

  error(where: string, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ where, message });
  }

  /** A warning about one place; places of the same warning are listed together. */
  warn(message: string, where?: string): void {
    let list = this.notes.get(message);
    if (!list) this.notes.set(message, (list = []));
    this.noteCounts.set(message, (this.noteCounts.get(message) ?? 0) + 1);
    if (where && list.length < MAX_PLACES && !list.includes(where)) list.push(where);
  }

  warnings(): string[] {
    const out: string[] = [];
    for (const [message, places] of this.notes) {
      const n = this.noteCounts.get(message)!;
      if (!places.length) out.push(message);
      else if (n === 1) out.push(`${places[0]}: ${message}`);
      else out.push(`${message} (${n} places: ${places.join('; ')}${n > places.length ? `; and ${n - places.length} more` : ''})`);
    }
    return out;
  }
}

/** A value from the file, quoted for a message: shortened, one line, invisible characters made visible. */
export function quote(value: unknown): string {
  let s = typeof value === 'string' ? value : String(value);
  if (s.length > 60) s = `${s.slice(0, 57)}…`;
  const escaped = JSON.stringify(s).replace(/[\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped;
}

/** "a number (42)", "a list", "nothing"… for messages about JSON values of the wrong kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  switch (typeof value) {
    case 'string':
      return value ? `the text ${quote(value)}` : 'empty text';
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
