/**
 * Every person in the bundled data is found by their own name in a plain sentence dated in their latest office,
 * and never taken for someone else. A name shared by two people may rightly stay unmarked (no card on the wrong
 * person); any other miss is a name the matcher cannot read (found this way: "Ban Ki-moon", "zu Guttenberg").
 */
import { describe, expect, it } from 'vitest';
import { annotateArticle, loadIndex } from '../../src/cli/run';
import { nameKey } from '../../src/core/normalise';

const index = loadIndex();
const data = index.data;
/** How many people answer to a name (their own or an alias). */
const named = new Map<string, number>();
for (const p of data.people) for (const k of new Set([p.name, ...(p.aliases ?? []).map((a) => a.name)].map(nameKey))) named.set(k, (named.get(k) ?? 0) + 1);
/** Each person's latest office start: the date their name is read on. */
const latest = new Map<string, string>();
for (const t of data.tenures) if ((latest.get(t.person) ?? '') < t.start) latest.set(t.person, t.start);
const read = (name: string, date: string) => annotateArticle({ text: `Yesterday ${name} spoke to reporters.`, meta: { jsonLd: [], metas: [], times: [] } }, date, index).people;

describe('every person in the data, by their own name', () => {
  it('is found, or shares the name with another person; never someone else', () => {
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const p of data.people) {
      // A styled name ("Henri, Grand Duke of Luxembourg") is how the card shows it; the press prints the alias ("Grand Duke Henri").
      const printed = p.name.includes(',') && p.aliases?.length ? p.aliases[0].name : p.name;
      const found = read(printed, latest.get(p.id) ?? data.asOf);
      if (found.some((x) => x.id !== p.id)) wrong.push(`${p.name} → ${found.map((x) => x.id).join(', ')}`);
      else if (!found.length && named.get(nameKey(printed)) === 1) missed.push(`${p.id} ${printed}`);
    }
    expect(wrong).toEqual([]);
    expect(missed).toEqual([]);
  });

  it('by each alias a page could print: found, never someone else', () => {
    // Source forms no page prints: nicknames in quotes or brackets, styled names with a comma, an abbreviated "Wm.".
    const unprinted = (name: string) => /["(]|, (?!Jr|Sr)|^Wm\./.test(name);
    const missed: string[] = [];
    const wrong: string[] = [];
    let checked = 0;
    for (const p of data.people) {
      for (const alias of p.aliases ?? []) {
        if (!alias.name.includes(' ') || unprinted(alias.name) || named.get(nameKey(alias.name)) !== 1) continue;
        // A dated alias is read on a day it was in use.
        const last = latest.get(p.id) ?? data.asOf;
        const date = alias.to && alias.to < last ? alias.to : alias.from && alias.from > last ? alias.from : last;
        checked++;
        const found = read(alias.name, date);
        if (found.some((x) => x.id !== p.id)) wrong.push(`${alias.name} (${p.id}) → ${found.map((x) => x.id).join(', ')}`);
        else if (!found.length) missed.push(`${p.id} ${alias.name} on ${date}`);
      }
    }
    expect(checked).toBeGreaterThan(2500);
    expect(wrong).toEqual([]);
    expect(missed).toEqual([]);
  });
});
