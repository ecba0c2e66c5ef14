/**
 * Accuracy evaluation on the golden corpus (tests/corpus): person-level precision
 * and recall, office-on-date accuracy, article dates, pledges, and every failure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../core/normalise';
import { annotateArticle, loadIndex, readArticle } from './run';
import { pledgeVariants } from '../core/pledges';

export interface Expected {
  date: string;
  /**
   * `pending`: the person is not in the data yet; not held against the matcher until they are.
   * `rolePending`: the office on the date comes from a layer the data does not have yet (why, in words);
   * the person must be found, the office is not compared, and the count is reported.
   */
  people: { name: string; role: string | null; pending?: boolean; rolePending?: string }[];
  notPeople?: string[];
  pledges?: string[];
}

export interface EvalReport {
  files: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  officeCorrect: number;
  officeTotal: number;
  officeAccuracy: number;
  datesCorrect: number;
  pledgeMisses: number;
  /** Offices not compared because their layer is not in the data yet (`rolePending`). */
  rolePending: number;
  /** Expected people the data has / has not heard of, and how many of the first were found. */
  inData: number;
  inDataFound: number;
  notInData: number;
  failures: string[];
}

export const GOALS = { precision: 0.97, recall: 0.95, officeAccuracy: 0.97 };

export function evaluate(dir: string): EvalReport {
  const index = loadIndex();
  const r: EvalReport = { files: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, officeCorrect: 0, officeTotal: 0, officeAccuracy: 0, datesCorrect: 0, pledgeMisses: 0, rolePending: 0, inData: 0, inDataFound: 0, notInData: 0, failures: [] };
  const files = readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f)).sort();
  for (const file of files) {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.(html|txt)$/, '.expected.json')), 'utf8')) as Expected;
    const article = readArticle(readFileSync(join(dir, file), 'utf8'), file);
    const a = annotateArticle(article);
    const fail = (msg: string) => r.failures.push(`${file}: ${msg}`);
    r.files++;
    if (a.date === expected.date) r.datesCorrect++;
    else fail(`date ${a.date} (${a.dateDetail}), expected ${expected.date}`);
    // People the dataset does not have yet ("pending") are not held against the matcher.
    const wanted = expected.people.filter((p) => !p.pending || index.people.some((q) => nameKey(q.name) === nameKey(p.name)));
    const matchesName = (name: string, p: (typeof a.people)[number]) => {
      const person = index.people[index.personIndex.get(p.id)!];
      return [person.name, ...(person.aliases ?? []).map((x) => x.name)].some((n) => nameKey(n) === nameKey(name));
    };
    const known = (name: string) => index.people.some((q) => [q.name, ...(q.aliases ?? []).map((x) => x.name)].some((n) => nameKey(n) === nameKey(name)));
    for (const e of expected.people) {
      if (!known(e.name)) r.notInData++;
      else {
        r.inData++;
        if (a.people.some((p) => matchesName(e.name, p))) r.inDataFound++;
      }
    }
    for (const e of wanted) {
      const got = a.people.find((p) => matchesName(e.name, p));
      if (!got) {
        r.fn++;
        fail(`missed ${e.name}`);
        continue;
      }
      r.tp++;
      if (e.rolePending) {
        r.rolePending++;
        continue;
      }
      r.officeTotal++;
      if (got.role === e.role) r.officeCorrect++;
      else fail(`${e.name}: office ${got.role ?? 'none'}, expected ${e.role ?? 'none'}`);
    }
    for (const p of a.people) {
      if (wanted.some((e) => matchesName(e.name, p))) continue;
      if (expected.people.some((e) => e.pending && matchesName(e.name, p))) continue;
      r.fp++;
      fail(`marked ${p.name} (${p.id}, ${p.why}) via "${p.mentions.map((m) => m.text).join('", "')}"`);
    }
    for (const bad of expected.notPeople ?? []) {
      // Where the string occurs in the text, a mark inside it is wrong ("King George VI"); a mark of the
      // same words elsewhere ("the King") is not. Strings not found verbatim are matched by text.
      const spans: [number, number][] = [];
      for (let i = article.text.indexOf(bad); i >= 0; i = article.text.indexOf(bad, i + 1)) spans.push([i, i + bad.length]);
      const mentions = a.people.flatMap((p) => p.mentions);
      const marked = spans.length
        ? mentions.filter((m) => spans.some(([s, e]) => m.start < e && s < m.end))
        : mentions.filter((m) => bad.includes(m.text) || m.text.includes(bad));
      if (marked.length) fail(`"${bad}" should not be a person but "${marked[0].text}" was marked`);
    }
    for (const phrase of expected.pledges ?? []) {
      // Expected phrases are literal forms; the data holds patterns ("stop the (small) boats").
      if (!a.pledges.some((p) => index.pledges.find((x) => x.id === p.id)?.phrases.some((pattern) => pledgeVariants(pattern).includes(phrase.toLowerCase())))) {
        r.pledgeMisses++;
        fail(`missed pledge "${phrase}"`);
      }
    }
  }
  r.precision = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1;
  r.recall = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1;
  r.f1 = r.precision + r.recall ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0;
  r.officeAccuracy = r.officeTotal ? r.officeCorrect / r.officeTotal : 1;
  return r;
}
