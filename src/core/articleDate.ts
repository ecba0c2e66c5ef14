/**
 * Article-date detection from what a page declares about itself. The content
 * script (or the CLI) gathers the raw bits cheaply; the reasoning lives here.
 * Dates are taken as the publisher wrote them (the calendar date in the
 * timestamp's own offset), so the answer never depends on the reader's time zone.
 */
import type { IsoDate } from './schema';

export interface PageMeta {
  url?: string;
  /** Text content of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** [name or property, content] of <meta> tags. */
  metas: [string, string][];
  /** datetime attributes of <time> elements, in document order. */
  times: string[];
  /** The document's language (<html lang>), a hint for the article's country. */
  lang?: string;
}

export type DateSource = 'option' | 'metadata' | 'text' | 'today';

export interface ArticleDate {
  date: IsoDate;
  source: DateSource;
  /** Where exactly: "JSON-LD datePublished", "meta article:published_time"… */
  detail: string;
}

const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'pubdate',
  'publish-date',
  'date',
];

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;

/** The calendar date at the start of an ISO-like timestamp, validated. */
export function isoDatePrefix(value: string): IsoDate | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  return validDate(+m[1], +m[2], +m[3]);
}

export function validDate(y: number, mo: number, d: number): IsoDate | undefined {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** datePublished from JSON-LD blocks, walking arrays and @graph. */
function fromJsonLd(blocks: string[]): IsoDate | undefined {
  const candidates: { date: IsoDate; article: boolean }[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const obj = node as Record<string, unknown>;
    const raw = obj.datePublished ?? obj.dateCreated;
    if (typeof raw === 'string') {
      const date = isoDatePrefix(raw);
      const type = String(obj['@type'] ?? '');
      if (date) candidates.push({ date, article: ARTICLE_TYPES.test(type) });
    }
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block), 0);
    } catch {
      // A broken JSON-LD block is the page's problem, not a reason to fail.
    }
  }
  return (candidates.find((c) => c.article) ?? candidates[0])?.date;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  janvier: 1, fevrier: 2, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, août: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12, décembre: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'i');
const MONTH_FIRST = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/;

/** A dateline near the top of the text: "Wednesday 31 January 2024" or "January 31, 2024". */
export function dateInText(text: string): IsoDate | undefined {
  const head = text.slice(0, 2000);
  const a = DAY_FIRST.exec(head);
  const b = MONTH_FIRST.exec(head);
  const first = a && b ? (a.index <= b.index ? a : b) : (a ?? b);
  if (!first) return undefined;
  if (first === a) return validDate(+a[3], MONTHS[a[2].toLowerCase()], +a[1]);
  return validDate(+b![3], MONTHS[b![1].toLowerCase()], +b![2]);
}

export function detectArticleDate(meta: PageMeta, text: string, today: IsoDate): ArticleDate {
  const ld = fromJsonLd(meta.jsonLd);
  if (ld) return { date: ld, source: 'metadata', detail: 'JSON-LD datePublished' };
  for (const key of META_KEYS) {
    const hit = meta.metas.find(([k]) => k.toLowerCase() === key);
    const date = hit && isoDatePrefix(hit[1]);
    if (date) return { date, source: 'metadata', detail: `meta ${key}` };
  }
  for (const t of meta.times) {
    const date = isoDatePrefix(t);
    if (date) return { date, source: 'metadata', detail: '<time datetime>' };
  }
  const u = meta.url ? URL_DATE.exec(meta.url) : null;
  const fromUrl = u ? validDate(+u[1], +u[2], +u[3]) : undefined;
  if (fromUrl) return { date: fromUrl, source: 'metadata', detail: 'date in the URL' };
  const fromText = dateInText(text);
  if (fromText) return { date: fromText, source: 'text', detail: 'dateline in the text' };
  return { date: today, source: 'today', detail: "no date found: today's date" };
}

/** Today's calendar date in the reader's own time zone. */
export function localToday(now = new Date()): IsoDate {
  return validDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
