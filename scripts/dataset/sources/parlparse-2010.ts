/**
 * UK: opposition front-bench posts from UK Parliament data (mySociety parlparse
 * ministers-2010.json, the newest copy here: October 2020). Government posts come from the IfG
 * database, which is exact. The file names people only by MNIS id (inside the membership id), so a
 * post is kept when that id is already known (an MP elected since 2010 or a minister); others are
 * counted and left out. Rows still open in this stale copy stay open: the card says the data for such
 * an office runs to the snapshot date, and a later holder of a single-holder post closes them.
 */
import { join } from 'node:path';
import type { SourceAdapter } from '../adapter';
import { readJson } from '../util';

const SHORT: [RegExp, string, string?, number?][] = [
  [/^Leader of Her Majesty's Official Opposition$/, 'Leader of the Opposition', 'opposition_leader', 2],
  [/^Deputy Leader of the Official Opposition$/, 'Deputy Leader of the Opposition', undefined, 4],
  [/^Shadow Chancellor of the Exchequer$/, 'Shadow Chancellor', 'shadow_chancellor'],
  [/^Shadow Home Secretary\b|^Shadow Secretary of State \(Home Office\)$/, 'Shadow Home Secretary', 'shadow_home_secretary'],
  [/^Shadow Foreign Secretary$|^Shadow Secretary of State (for Foreign|\(Foreign)/, 'Shadow Foreign Secretary', 'shadow_foreign_secretary'],
  [/^Shadow Secretary of State for Defence$/, 'Shadow Defence Secretary', 'shadow_defence_secretary'],
  [/^Shadow (Lord Chancellor and Shadow )?Secretary of State (for |\()Justice\)?$/, 'Shadow Justice Secretary', 'shadow_justice_secretary'],
  [/^Shadow Secretary of State for Health( and Social Care)?$/, 'Shadow Health Secretary', 'shadow_health_secretary'],
];
/** Party offices (leaders) are kept in the curated party layer; a bare "Shadow Secretary of State" names no brief. */
const SKIP = /^Leader of the |^Shadow Secretary of State$/;

const rankOf = (role: string) =>
  // A smaller party's spokesperson ("Shadow DUP Spokesperson (Business…)") is known first as an MP.
  /\b(SNP|DUP|Plaid Cymru|Liberal Democrat|SDLP|UUP|Green)\b|Spokesperson \(/.test(role) ? 8 :
  /^Shadow (Secretary of State|Leader of the House|Chief Secretary|Chancellor|Attorney General|Minister for the Cabinet Office)|Westminster Leader$/.test(role) ? 4 : /Whip/.test(role) ? 6 : 5;

export const parlparse2010: SourceAdapter = {
  source: { id: 'parlparse', name: 'UK Parliament opposition posts (via mySociety parlparse, October 2020 copy)', licence: 'Open Parliament Licence v3.0 (attribute mySociety/TheyWorkForYou and UK Parliament)', url: 'https://github.com/mysociety/parlparse/blob/master/members/ministers-2010.json', commit: 'a0be8af0ef19b5be3ea77a4b0cfb9905664cf5a2', asOf: '2020-10-21' },
  load({ shared, registry }) {
    const data = readJson(join(shared, 'parlparse', 'ministers-2010.STALE-2020-10-21.json')) as { memberships: any[] };
    let unknown = 0;
    for (const m of data.memberships) {
      const match = /\/Member\/(\d+)\/OppositionPost\//.exec(m.id);
      if (!match || !m.start_date) continue;
      const role = String(m.role ?? '').replace(/\s+/g, ' ').trim();
      if (!role || SKIP.test(role)) continue;
      const p = registry.get(`gb-m${match[1]}`);
      if (!p) {
        unknown++;
        continue;
      }
      registry.addSource(p, 'parlparse');
      const rule = SHORT.find(([re]) => re.test(role));
      registry.addTenure({
        person: p.id, title: role, short: rule?.[1] ?? role, org: "Official Opposition (House of Commons)", country: 'GB',
        start: m.start_date, ...(m.end_date ? { end: m.end_date } : {}), rank: rule?.[3] ?? (rule ? 4 : rankOf(role)), src: 'parlparse',
        ...(rule?.[2] ? { office: rule[2] } : {}),
      });
    }
    console.log(`data:build: parlparse: ${unknown} opposition posts of people known only by an MNIS id not in the other sources, left out`);
  },
};
