/** Merging the adapters' tenures: drop impossible rows, let curated facts win, join rows that are one tenure. */
import type { Tenure } from '../../src/core/schema';
import { addDays } from './util';

/** Source rows that cannot be right (ending on or before they start) are left out and reported. */
export function dropImpossible(list: Tenure[]): Tenure[] {
  return list.filter((t) => {
    if (t.end === undefined || t.end > t.start) return true;
    console.warn(`data:build: left out ${t.src} tenure of ${t.person} as ${t.short}: ends ${t.end}, starts ${t.start}`);
    return false;
  });
}

const overlaps = (a: Tenure, b: Tenure) => a.start < (b.end ?? '9999') && b.start < (a.end ?? '9999');

/**
 * A curated tenure replaces any source tenure of the same person and office that it overlaps.
 * Where the curated layers keep a whole office series (a `office` key, from 2010 on), the rows a
 * weaker source has for that office in the same country and time are dropped too: the Wikidata
 * extract's heads of government then never stand beside the curated ones.
 */
export function preferCurated(list: Tenure[], weaker: Set<string>): Tenure[] {
  const curated = list.filter((t) => t.src === 'curated');
  const series = curated.filter((t) => t.office);
  return list.filter((t) => {
    if (t.src === 'curated') return true;
    const over = curated.filter((c) => c.person === t.person && (c.short === t.short || (!!c.office && c.office === t.office && c.country === t.country)) && overlaps(c, t));
    if (over.length) {
      // The whole source row gives way; say so when it reached beyond the curated rows, so a curator can extend them.
      const from = over.reduce((a, c) => (c.start < a ? c.start : a), over[0].start);
      const to = over.some((c) => !c.end) ? undefined : over.reduce((a, c) => (c.end! > a ? c.end! : a), over[0].end!);
      if (t.start < from || (to !== undefined && (!t.end || t.end > to))) console.log(`data:build: curated ${t.person} ${t.short} (${from}–${to ?? 'open'}) replaces ${t.src}'s ${t.start}–${t.end ?? 'open'}, which reaches beyond it`);
      return false;
    }
    if (t.office && weaker.has(t.src) && series.some((c) => c.office === t.office && c.country === t.country && overlaps(c, t))) return false;
    return true;
  });
}

/**
 * Offices held by one person at a time: a source row left open (a stale snapshot, a scraper that
 * missed the end) ends where the next holder of the office starts. Curated rows are not touched:
 * a curated row that overlaps its successor is a mistake the continuity check reports.
 */
export function closeOpenSeries(list: Tenure[]): Tenure[] {
  const series = new Map<string, Tenure[]>();
  for (const t of list) if (t.office) series.set(`${t.country}|${t.office}`, [...(series.get(`${t.country}|${t.office}`) ?? []), t]);
  for (const group of series.values()) {
    for (const t of group) {
      if (t.end || t.src === 'curated') continue;
      const next = group.filter((o) => o.person !== t.person && o.start > t.start).sort((a, b) => a.start.localeCompare(b.start))[0];
      if (next) {
        console.log(`data:build: ${t.src} leaves ${t.person} open as ${t.short} (${t.country}) from ${t.start}; ends ${next.start}, when ${next.person} starts`);
        t.end = next.start;
      }
    }
  }
  return list;
}

/**
 * Sources record the day someone left an office; ours is the first day they no longer held it. When
 * the successor starts the next day (a resignation in the evening, the successor named next
 * morning), the outgoing holder held the office on that day: their end is the successor's start
 * (or the start of the same person's next spell, reappointed in a new government).
 * The Assemblée's data and the Wikidata extract also leave a few days between governments, in which
 * the outgoing government stays on as caretaker until its successor is appointed: up to 7 days there.
 */
export function bridgeHandovers(list: Tenure[]): Tenure[] {
  const series = new Map<string, Tenure[]>();
  for (const t of list) if (t.office) series.set(`${t.country}|${t.office}`, [...(series.get(`${t.country}|${t.office}`) ?? []), t]);
  for (const group of series.values()) {
    group.sort((a, b) => a.start.localeCompare(b.start));
    for (const t of group) {
      if (!t.end || t.src === 'curated') continue;
      if (group.some((o) => o.start <= t.end! && (o.end ?? '9999') > t.end!)) continue; // someone holds it that day
      const next = group.find((o) => o.start > t.end!);
      const limit = t.src === 'an' || t.src === 'wikidata' ? 7 : 1;
      if (next && Date.parse(next.start) - Date.parse(t.end) <= limit * 86_400_000) t.end = next.start;
    }
  }
  return list;
}

/** Same office, same person, back to back: one tenure. */
export function mergeTenures(list: Tenure[]): Tenure[] {
  list.sort((a, b) => a.person.localeCompare(b.person) || a.title.localeCompare(b.title) || a.short.localeCompare(b.short) || a.start.localeCompare(b.start));
  const out: Tenure[] = [];
  for (const t of list) {
    const last = out[out.length - 1];
    // Only the AN's gaps between governments (the outgoing ministers stay on for current affairs) are bridged,
    // and a new Congress sworn in a day or two after the last one ended.
    const gap = t.src === 'an' ? 7 : t.src === 'congress' || t.src === 'congress-history' ? 3 : 0;
    const sameOffice = !!last && last.person === t.person && last.title === t.title && last.short === t.short && last.country === t.country && last.src === t.src;
    // A row listed twice gives one tenure.
    if (sameOffice && last.start === t.start && last.end === t.end) continue;
    // One appointment a source records twice (Wikidata, parlparse): an open row and, a few days later, a closed
    // one (which has the end), or two open rows (dates of election and of taking office). One tenure.
    // Open rows further apart are two stints: the first is closed later, where the next holder starts.
    if (sameOffice && !last.end && (last.org ?? '') === (t.org ?? '') && addDays(last.start, 7) >= t.start) {
      console.log(`data:build: ${t.src} lists ${t.person} as ${t.short} from ${last.start} (open) and from ${t.start}${t.end ? ` to ${t.end}` : ''}: one tenure${t.end ? ` to ${t.end}` : ''}`);
      if (t.end) last.end = t.end;
      continue;
    }
    if (sameOffice && last.end && addDays(last.end, gap) >= t.start) {
      if (!t.end) delete last.end;
      else if (t.end > last.end) last.end = t.end;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}
