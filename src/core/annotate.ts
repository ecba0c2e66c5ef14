/** The whole core path: text + page metadata → dated people and pledges. */
import type { DatasetIndex } from './dataset';
import { detectArticleDate, type DateSource, type PageMeta } from './articleDate';
import { resolve, type Resolution } from './resolve';
import type { IsoDate } from './schema';

export interface AnnotateInput {
  text: string;
  meta: PageMeta;
  /** A date given by the caller (CLI --date) wins over detection. */
  date?: IsoDate;
  today: IsoDate;
  host?: string;
  /** Ids of people already found elsewhere in the document (earlier passes). */
  known?: string[];
  /** The article body's range in `text`, when the page marks one. */
  body?: [number, number];
}

export interface Annotation extends Resolution {
  date: IsoDate;
  dateSource: DateSource;
  dateDetail: string;
  asOf: IsoDate;
  /** The sources behind the people and pledges found, each with its own snapshot date. */
  sources: { id: string; name: string; licence: string; asOf: IsoDate | null }[];
}

export function annotate(index: DatasetIndex, input: AnnotateInput): Annotation {
  const detected = input.date
    ? { date: input.date, source: 'option' as const, detail: 'given by the caller' }
    : detectArticleDate(input.meta, input.text, input.today);
  const matches = index.matcher.find(input.text);
  const res = resolve(index, input.text, matches, { date: detected.date, today: input.today, host: input.host, lang: input.meta.lang, known: input.known, body: input.body });
  const used = new Set<string>();
  for (const p of res.people) for (const s of index.personById(p.id)?.src ?? []) used.add(s);
  if (res.pledges.length) used.add('curated');
  const sources = index.sourcesInUse.filter((s) => used.has(s.id)).map((s) => ({ id: s.id, name: s.name, licence: s.licence, asOf: s.asOf ?? null }));
  return { date: detected.date, dateSource: detected.source, dateDetail: detected.detail, asOf: index.asOf, ...res, sources };
}
