/**
 * Structural checks on a dataset: every problem, with where it is. Used by the build, the tests
 * and the service worker (a downloaded update must pass them before it is used). Whether a cited
 * URL is a mirror (`unfitSource`) is a build-time check, passed in by the build.
 */
import type { Dataset } from './schema';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = new Set(['kept', 'broken', 'in_progress', 'abandoned', 'hard_to_rate']);

export function validateDataset(d: Dataset, unfitSource: (url: string) => string | undefined = () => undefined): string[] {
  const problems: string[] = [];
  const sources = new Set(d.sources.map((s) => s.id));
  const ids = new Set<string>();
  d.people.forEach((p, i) => {
    if (!p.id || ids.has(p.id)) problems.push(`people[${i}] ${p.id}: missing or duplicate id`);
    ids.add(p.id);
    if (!p.name?.trim()) problems.push(`people[${i}] ${p.id}: empty name`);
    if (!/^[A-Z]{2}$/.test(p.country)) problems.push(`people[${i}] ${p.id}: country "${p.country}"`);
    if (!p.src.length || p.src.some((s) => !sources.has(s))) problems.push(`people[${i}] ${p.id}: unknown source ${p.src.join(',')}`);
  });
  d.tenures.forEach((t, i) => {
    const at = `tenures[${i}] ${t.person} ${t.short}`;
    if (!ids.has(t.person)) problems.push(`${at}: unknown person`);
    if (!DATE.test(t.start) || (t.end !== undefined && !DATE.test(t.end))) problems.push(`${at}: bad date ${t.start}..${t.end}`);
    if (t.end !== undefined && t.end <= t.start) problems.push(`${at}: ends ${t.end} on or before it starts ${t.start}`);
    if (!sources.has(t.src)) problems.push(`${at}: unknown source ${t.src}`);
    if (t.src === 'curated' && !/^https?:\/\//.test(t.url ?? '')) problems.push(`${at}: curated tenure without a source URL`);
    const unfit = t.url && unfitSource(t.url);
    if (unfit) problems.push(`${at}: ${t.url}: ${unfit}`);
  });
  d.pledges.forEach((p, i) => {
    const at = `pledges[${i}] ${p.id}`;
    if (!Array.isArray(p.phrases) || !p.phrases.length) problems.push(`${at}: no phrases`);
    if (!p.url?.startsWith('http')) problems.push(`${at}: no source URL`);
    for (const u of [p.url, p.status.url]) {
      const unfit = u && unfitSource(u);
      if (unfit) problems.push(`${at}: ${u}: ${unfit}`);
    }
    if (p.status.url !== undefined && !p.status.url.startsWith('http')) problems.push(`${at}: status source is not a URL`);
    if (!STATUSES.has(p.status.value) || !DATE.test(p.status.date) || !DATE.test(p.date)) problems.push(`${at}: bad status or date`);
    for (const by of p.by) if (!ids.has(by)) problems.push(`${at}: unknown person ${by}`);
  });
  return problems;
}
