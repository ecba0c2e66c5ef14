/**
 * The CLI's core: read an article (HTML or text), run the same collection and
 * annotation code as the extension, and report. Errors are one line, exit 2.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { annotate, type Annotation } from '../core/annotate';
import { localToday, validDate, type PageMeta } from '../core/articleDate';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../core/dataset';
import { articleBody, collectMeta, collectText } from '../dom/collect';
import { parseImport, type ImportedLayer } from '../core/import';
import { withImports } from '../core/import/merge';
import { decodeText } from '../core/import/decode';
import { ImportFailure, Problems } from '../core/import/types';

export class UsageError extends Error {}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

let cached: DatasetIndex | undefined;
/** The bundled dataset with the matcher compiled at build time (data/index.json). */
export function loadIndex(): DatasetIndex {
  const read = (f: string) => JSON.parse(readFileSync(join(DATA_DIR, f), 'utf8'));
  cached ??= new DatasetIndex(loadDataset(read('dataset.json')), read('index.json') as CompiledIndex);
  return cached;
}

/** Read an --import file; a rejected one is a UsageError naming its first problem (and how many more there are). */
export function readImport(file: string, sourceId: string): { layer: ImportedLayer; warnings: string[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--import ${file}: cannot read file${code === 'ENOENT' ? ' (not found)' : code ? ` (${code})` : ''}`);
  }
  const r = parseImport(bytes, basename(file), { sourceId, today: localToday() });
  if (!r.ok) {
    const first = r.errors[0] ?? { where: 'file', message: 'nothing could be imported' };
    const more = Math.max(r.errorCount, r.errors.length) - 1;
    throw new UsageError(`--import ${file}: ${first.where}: ${first.message}${more > 0 ? ` (${more} more)` : ''}`);
  }
  return r;
}

/** The bundled index with imported layers added (the matcher is then compiled at run time). */
export function indexWithImports(layers: ImportedLayer[]): DatasetIndex {
  const base = loadIndex();
  return layers.length ? new DatasetIndex(withImports(base.data, layers)) : base;
}

export interface Article {
  text: string;
  meta: PageMeta;
  body?: [number, number];
}

/** Articles bigger than this are refused before they are read into memory as text. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

/**
 * An article file's bytes → its text, with the import decoder's checks: images,
 * PDFs and other binaries are named and refused, UTF-16 and UTF-8 byte-order marks
 * are honoured, and text that is not UTF-8 is read as Windows-1252 with a warning.
 */
export function decodeArticle(bytes: Uint8Array, name: string): { text: string; warnings: string[] } {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) throw new UsageError(`${name}: the file is ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB; annotate reads articles of at most ${MAX_ARTICLE_BYTES / 2 ** 20} MB`);
  const problems = new Problems();
  try {
    const text = decodeText(bytes, problems, { kind: 'an article', expected: 'annotate reads HTML or plain text', resave: 'save it as UTF-8 and run annotate again' });
    if (!text.trim()) throw new UsageError(`${name}: empty input`);
    return { text, warnings: problems.warnings() };
  } catch (e) {
    if (e instanceof ImportFailure) throw new UsageError(`${name}: ${e.message.replace(/^the file is empty$/, 'empty input')}`);
    throw e;
  }
}

/** Plain text and metadata of a file's content; HTML is recognised by its markup, not its name. */
export function readArticle(content: string, name: string): Article {
  if (content.includes('\u0000')) throw new UsageError(`${name}: binary file, expected HTML or text`);
  const looksHtml = /\.html?$/i.test(name) || /^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>])/i.test(content);
  if (!looksHtml) return { text: content, meta: { jsonLd: [], metas: [], times: [] } };
  const { document } = parseHTML(content);
  const root = document.body ?? document.documentElement;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const map = collectText(root, articleBody(document as unknown as Document));
  return { text: map.text, meta: collectMeta(document as unknown as Document, canonical), body: map.body };
}

export function parseDateOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m && validDate(+m[1], +m[2], +m[3]);
  if (!date) throw new UsageError(`--date: "${value}" is not a valid date (expected YYYY-MM-DD)`);
  return date;
}

export function annotateArticle(article: Article, date?: string, index = loadIndex()): Annotation {
  const host = article.meta.url ? safeHost(article.meta.url) : undefined;
  return annotate(index, { text: article.text, meta: article.meta, date, today: localToday(), host, body: article.body });
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** The CLI's JSON contract (README): later versions only add fields. */
export function toJson(a: Annotation) {
  return {
    date: a.date,
    dateSource: a.dateSource,
    dateDetail: a.dateDetail,
    asOf: a.asOf,
    people: a.people.map((p) => ({
      id: p.id, name: p.name, currentName: p.currentName, role: p.role, roleStart: p.roleStart, roleEnd: p.roleEnd, party: p.party, country: p.country,
      why: p.why, now: p.now?.short ?? null, former: p.former?.short ?? null, alsoHeld: p.alsoHeld.map((o) => o.short),
      change: p.change ? { role: p.change.short, roleStart: p.change.start, roleEnd: p.change.end } : null,
      sources: p.sources, dataRunsTo: p.dataRunsTo, pledges: p.pledges, mentions: p.mentions,
    })),
    pledges: a.pledges.map((pl) => ({ id: pl.id, phrase: pl.phrase, by: pl.by, status: pl.status, statusDate: pl.statusDate, statusUrl: pl.statusUrl, url: pl.url, mentions: pl.mentions })),
    sources: a.sources,
  };
}

/** A readable table for people at a terminal. */
export function toTable(a: Annotation): string {
  const lines = [`Article date ${a.date} (${a.dateDetail}); data as of ${a.asOf}`, ''];
  const rows = a.people.map((p) => [
    p.name,
    p.office ? p.office.short : p.former ? `former ${p.former.short}` : '—',
    p.office ? `${p.office.start} – ${p.office.end ?? 'now'}` : '',
    p.party ?? '',
    p.now ? `${p.now.short} (since ${p.now.start})` : '',
    String(p.mentions.length),
  ]);
  const head = ['Person', 'Office on date', 'Dates', 'Party', 'Now, if different', 'Mentions'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  if (!a.people.length) lines.push('(no officials found)');
  if (a.pledges.length) {
    lines.push('', 'Pledges:');
    for (const pl of a.pledges) lines.push(`  "${pl.phrase}" by ${pl.by.join(', ') || '—'} (${pl.status.replace('_', ' ')}), ${pl.mentions.length} mention(s)`);
  }
  return lines.join('\n');
}
