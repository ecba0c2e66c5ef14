/**
 * Continuity of offices held by one person at a time (a head of government, a
 * foreign minister, a speaker): on every day from the first known holder to the
 * source's as-of date there is exactly one holder, or a recorded vacancy. Used by
 * the dataset build, `npm run data:report` and the unit tests.
 */
import type { IsoDate } from './schema';

export interface SeriesTenure {
  country: string;
  office: string;
  holder: string;
  start: IsoDate;
  /** Exclusive; undefined while held. */
  end?: IsoDate;
  where?: string;
}

export interface Vacancy {
  country: string;
  office: string;
  start: IsoDate;
  end?: IsoDate;
}

export interface SeriesReport {
  country: string;
  office: string;
  /** First day covered in the window, and the day the check runs to. */
  from: IsoDate;
  to: IsoDate;
  daysCovered: number;
  daysInWindow: number;
  gaps: { start: IsoDate; end: IsoDate }[];
  overlaps: { a: string; b: string; start: IsoDate; end: IsoDate }[];
  holders: number;
}

const DAY = 86_400_000;
const days = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const max = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** One report per country × office, over the window [from, to). */
export function seriesReports(list: SeriesTenure[], vacancies: Vacancy[], window: { from: IsoDate; to: IsoDate }, opts: { toAsOf?: (country: string, office: string) => boolean } = {}): SeriesReport[] {
  const groups = new Map<string, SeriesTenure[]>();
  for (const t of list) {
    const k = `${t.country}|${t.office}`;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const out: SeriesReport[] = [];
  for (const [k, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [country, office] = k.split('|');
    const ts = group.filter((t) => (t.end ?? '9999-12-31') > window.from && t.start < window.to).sort((a, b) => a.start.localeCompare(b.start) || (a.end ?? '9999').localeCompare(b.end ?? '9999'));
    const vac = vacancies.filter((v) => v.country === country && v.office === office);
    // A series starts with its first holder, or with a recorded vacancy before the first holder.
    const firstVacancy = vac.map((v) => v.start).sort()[0];
    const first = ts.length ? (firstVacancy && firstVacancy < ts[0].start ? firstVacancy : ts[0].start) : undefined;
    const from = first ? max(window.from, first) : window.to;
    // A series that ended (the office was abolished or the layer stops) is checked to its last end.
    const lastEnd = ts.reduce<IsoDate | undefined>((acc, t) => (t.end === undefined || acc === undefined ? undefined : max(acc, t.end)), ts.length ? ts[0].start : undefined);
    const to = lastEnd === undefined || opts.toAsOf?.(country, office) ? window.to : min(window.to, lastEnd);
    const report: SeriesReport = { country, office, from, to, daysCovered: 0, daysInWindow: Math.max(0, days(window.from, window.to)), gaps: [], overlaps: [], holders: new Set(ts.map((t) => t.holder)).size };
    let reach = from; // covered up to here (exclusive)
    let lastHolder: SeriesTenure | undefined;
    for (const t of ts) {
      const s = max(t.start, from);
      const e = min(t.end ?? to, to);
      if (s > reach) {
        // A gap, unless vacancies cover it.
        for (const g of uncovered(reach, s, vac)) report.gaps.push(g);
      } else if (s < reach && lastHolder && lastHolder.holder !== t.holder) {
        report.overlaps.push({ a: lastHolder.where ?? lastHolder.holder, b: t.where ?? t.holder, start: s, end: min(reach, e) });
      }
      if (e > reach) {
        report.daysCovered += days(max(s, reach), e);
        reach = e;
        lastHolder = t;
      }
    }
    if (reach < to) for (const g of uncovered(reach, to, vac)) report.gaps.push(g);
    out.push(report);
  }
  return out;
}

/** The parts of [start, end) that no vacancy covers. */
function uncovered(start: IsoDate, end: IsoDate, vac: Vacancy[]): { start: IsoDate; end: IsoDate }[] {
  let pieces = [{ start, end }];
  for (const v of vac) {
    const ve = v.end ?? '9999-12-31';
    pieces = pieces.flatMap((p) => {
      if (ve <= p.start || v.start >= p.end) return [p];
      const rest = [];
      if (v.start > p.start) rest.push({ start: p.start, end: v.start });
      if (ve < p.end) rest.push({ start: ve, end: p.end });
      return rest;
    });
  }
  return pieces;
}

/** Gaps and overlaps as readable lines. */
export function officeSeriesProblems(list: SeriesTenure[], vacancies: Vacancy[], window: { from: IsoDate; to: IsoDate }): string[] {
  const lines: string[] = [];
  for (const r of seriesReports(list, vacancies, window)) {
    for (const g of r.gaps) lines.push(`${r.country} ${r.office}: no holder from ${g.start} to ${g.end} (${days(g.start, g.end)} days)`);
    for (const o of r.overlaps) lines.push(`${r.country} ${r.office}: two holders from ${o.start} to ${o.end}: ${o.a} / ${o.b}`);
  }
  return lines;
}
