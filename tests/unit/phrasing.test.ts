/** Issue 14: real phrasing — the day of a change, posts held together, names inside names, titles with care, pledges as patterns, party on the date. */
import { describe, expect, it } from 'vitest';
import { annotateArticle, loadIndex, toJson } from '../../src/cli/run';
import { compareOffices, isAlongside } from '../../src/core/ranks';
import { expandPattern, pledgeVariants, patternDisplay } from '../../src/core/pledges';
import { DatasetIndex } from '../../src/core/dataset';
import type { Dataset, Tenure } from '../../src/core/schema';
import { FIXTURE } from './fixture-dataset';

const index = loadIndex();
const run = (text: string, date: string) => annotateArticle({ text, meta: { jsonLd: [], metas: [], times: [] } }, date, index);
const marks = (text: string, date: string) =>
  run(text, date).people.flatMap((p) => p.mentions.map((m) => ({ at: m.start, s: `${m.text}=${p.name}` }))).sort((a, b) => a.at - b.at).map((x) => x.s);
const roles = (text: string, date: string) => run(text, date).people.map((p) => `${p.name}:${p.role}`);
const pledges = (text: string, date = '2023-06-01') => run(text, date).pledges.map((p) => p.id);

describe('the day of a change', () => {
  it('shows an office that ended on the article\'s date, until today (a sacked minister is not "MP")', () => {
    const p = run('Suella Braverman was sacked.', '2023-11-13').people[0];
    expect([p.role, p.roleEnd, p.change]).toEqual(['Home Secretary', '2023-11-13', null]);
    expect(roles('David Cameron resigned.', '2016-07-13')).toEqual(['David Cameron:Prime Minister']);
    expect(run('David Cameron resigned.', '2016-07-13').people[0].roleEnd).toBe('2016-07-13');
  });
  it('lets a new office lead, with the ended one beside it, in the CLI JSON too', () => {
    const a = run('James Cleverly moved to the Home Office.', '2023-11-13');
    const json = toJson(a).people[0];
    expect([json.role, json.roleStart, json.change]).toEqual(['Home Secretary', '2023-11-13', { role: 'Foreign Secretary', roleStart: '2022-09-06', roleEnd: '2023-11-13' }]);
    expect(roles('Rishi Sunak conceded.', '2024-07-05')).toEqual(['Rishi Sunak:Leader of the Opposition']);
    expect(run('Rishi Sunak conceded.', '2024-07-05').people[0].change?.short).toBe('Prime Minister');
  });
  it('a lower duty picked up on the day of a change never displaces the portfolio', () => {
    // Made-up facts: a minister keeps the portfolio, drops one duty and takes up another on the same day.
    const duty = (short: string, start: string, end?: string): Tenure => ({ person: 'p-x', title: short, short, country: 'GB', start, end, rank: 4, src: 't' });
    const data: Dataset = {
      ...FIXTURE,
      people: [...FIXTURE.people, { id: 'p-x', name: 'Alda Quenby', country: 'GB', src: ['t'] }],
      tenures: [...FIXTURE.tenures,
        { person: 'p-x', title: 'Secretary of State for Transport', short: 'Transport Secretary', country: 'GB', start: '2020-01-01', rank: 3, src: 't' },
        duty('Deputy Chief Whip', '2020-01-01', '2023-05-01'), duty('Minister for the Commons', '2023-05-01')],
    };
    const p = annotateArticle({ text: 'Alda Quenby spoke.', meta: { jsonLd: [], metas: [], times: [] } }, '2023-05-01', new DatasetIndex(data)).people[0];
    expect([p.role, p.change]).toEqual(['Transport Secretary', null]);
    expect(p.alsoHeld.map((o) => o.short)).toContain('Minister for the Commons');
  });
  it('is no change on an ordinary day', () => {
    const p = run('Suella Braverman spoke.', '2023-06-01').people[0];
    expect([p.role, p.change]).toEqual(['Home Secretary', null]);
  });
});

describe('posts held together', () => {
  const t = (short: string, rank: number, start = '2020-01-01'): Tenure => ({ person: 'x', title: short, short, country: 'GB', start, rank, src: 't' });
  it('rank rules: a cabinet post outranks a seat; a main office outranks a duty held alongside it (UK, US, France, Australia)', () => {
    const order = (...ts: Tenure[]) => ts.sort(compareOffices).map((x) => x.short);
    expect(order(t('MP', 7), t('Home Secretary', 3))).toEqual(['Home Secretary', 'MP']);
    expect(order(t('Lord President of the Council', 3, '2022-09-06'), t('Leader of the House of Commons', 3))).toEqual(['Leader of the House of Commons', 'Lord President of the Council']);
    expect(order(t('Senator', 7), t('Secretary of State', 3))).toEqual(['Secretary of State', 'Senator']);
    expect(order(t('Deputy', 7), t('Minister of the Interior', 3))).toEqual(['Minister of the Interior', 'Deputy']);
    expect(order(t('Minister for the Public Service', 3, '2022-06-01'), t('Finance Minister', 3, '2022-05-23'))).toEqual(['Finance Minister', 'Minister for the Public Service']);
    expect(isAlongside({ short: 'Attorney General of Canada', title: 'Attorney General of Canada' })).toBe(true);
  });
  it('shows the office readers know first and lists the others', () => {
    const p = run('Penny Mordaunt spoke.', '2023-03-01').people[0];
    expect(p.role).toBe('Leader of the House of Commons');
    expect(p.alsoHeld.map((o) => o.short)).toContain('Lord President of the Council');
    expect(run('Katy Gallagher spoke.', '2023-05-09').people[0].role).toBe('Finance Minister');
    expect(run('George Osborne spoke.', '2015-06-01').people[0].role).toBe('Chancellor');
  });
});

describe('names as printed', () => {
  it('a hyphenated given name may go on in lower case (Korean names); each word still starts with a capital', () => {
    const names = (text: string, date: string) => run(text, date).people.map((p) => p.name);
    expect(names('Ban Ki-moon met Moon Jae-in and Park Geun-hye.', '2017-01-15')).toEqual(['Ban Ki-moon', 'Moon Jae-in', 'Park Geun-hye']);
    expect(names('ban ki-moon and moon jae-in', '2017-01-15')).toEqual([]);
  });
  it('lower-case joiners inside a stored name do not hide it: zu, al-, e, ap, of', () => {
    const names = (text: string) => run(text, '2024-03-01').people.map((p) => p.name);
    expect(names('Karl-Theodor zu Guttenberg, Adel al-Jubeir, Rhun ap Iorwerth and Fernando Azevedo e Silva.'))
      .toEqual(['Karl-Theodor zu Guttenberg', 'Adel al-Jubeir', 'Rhun ap Iorwerth', 'Fernando Azevedo e Silva']);
    expect(run('Lord Cameron of Chipping Norton arrived.', '2024-03-01').people[0].role).toBe('Foreign Secretary');
    expect(names('Emeline K/Bidi spoke.')).toEqual(['Emeline K/Bidi']);
    // Still a capital where the name has one.
    expect(names('Rhun ap iorwerth and adel al-jubeir.')).toEqual([]);
  });
  it('a president suspended by impeachment is still president, beside the acting one (Park, Yoon; Wikidata end dates)', () => {
    expect(roles('Park Geun-hye stayed in the Blue House. Hwang Kyo-ahn chaired the cabinet.', '2017-01-15')).toEqual(['Park Geun-hye:President (suspended)', 'Hwang Kyo-ahn:President (acting)']);
    expect(roles('Park Geun-hye spoke.', '2016-11-15')).toEqual(['Park Geun-hye:President']);
    expect(run('Yoon Suk Yeol awaited the ruling.', '2025-02-01').people[0].role).toBe('President (suspended)');
    expect(run('Yoon Suk Yeol awaited the ruling.', '2025-05-01').people[0].role).toBeNull();
  });
});

describe('generations', () => {
  it('"Jr." with or without its comma names the son; a suffix the matched name lacks is never the father', () => {
    const ids = (text: string, date: string) => run(text, date).people.map((p) => p.id);
    expect(ids('Donald Payne Jr. spoke.', '2015-03-01')).toEqual(['us-P000604']);
    expect(ids('Donald M. Payne, Jr. spoke.', '2015-03-01')).toEqual(['us-P000604']);
    expect(ids('Donald Payne spoke.', '2005-03-01')).toEqual(['us-P000149']);
    expect(ids('Thomas Kean Jr. spoke.', '2024-03-01')).toEqual(['us-K000398']);
    expect(run('King Charles III spoke.', '2024-03-01').people.map((p) => p.role)).toEqual(['King']);
  });
});

describe('names inside other names', () => {
  it('a full name followed by a hyphen and a capital is a double-barrelled name', () => {
    expect(marks('A builder, Michael Gove-Taylor, said the work was done.', '2024-03-01')).toEqual([]);
    expect(marks('Ms Gove-Taylor spoke.', '2024-03-01')).toEqual([]);
  });
  it('a compound of two politicians\' surnames names both', () => {
    expect(marks('He met Merkel-Hollande people.', '2016-03-01')).toEqual(['Merkel=Angela Merkel', 'Hollande=François Hollande']);
    expect(marks('Keir Starmer and Rachel Reeves unveiled a Starmer-Reeves budget.', '2024-10-30')).toEqual(['Keir Starmer=Keir Starmer', 'Rachel Reeves=Rachel Reeves', 'Starmer=Keir Starmer', 'Reeves=Rachel Reeves']);
  });
  it('places and bodies named after people are not those people', () => {
    expect(marks('Angela Merkel spoke at Merkel Hall.', '2016-03-01')).toEqual(['Angela Merkel=Angela Merkel']);
    expect(marks('They drank at the Churchill Arms and the Thatcher pub.', '2024-03-01')).toEqual([]);
    expect(marks('Keir Starmer spoke at the Starmer Lecture, then at Starmer Gardens.', '2024-03-01')).toEqual(['Keir Starmer=Keir Starmer']);
  });
});

describe('titles with care', () => {
  it('a title joins a name only within one sentence', () => {
    expect(marks('He was named Home Secretary. Cleverly, in a statement, said so.', '2024-03-01')).toEqual([]);
  });
  it('never through a hyphenated compound', () => {
    expect(marks('Donald Trump, the president-elect, spoke.', '2024-12-01')).toEqual(['Donald Trump=Donald Trump']);
    expect(run('Donald Trump, the president-elect, spoke.', '2024-12-01').people[0].role).toBeNull();
    expect(marks('The ex-chancellor spoke.', '2024-03-01')).toEqual([]);
    expect(marks('The president-elect spoke.', '2024-12-01')).toEqual([]);
  });
  it('three offices in a row with no lead-in are three people; after "posts such as" they are offices', () => {
    const people = (text: string) => run(text, '2023-06-01').people.map((p) => p.name).sort();
    expect(people('The Chancellor, the Home Secretary and the Foreign Secretary met on Tuesday.')).toEqual(['James Cleverly', 'Jeremy Hunt', 'Suella Braverman']);
    expect(people('She has held posts such as the Chancellor, the Home Secretary and the Foreign Secretary.')).toEqual([]);
  });
  it('a Title Case headline does not hide the office holder behind its capitals', () => {
    expect(run('The Home Secretary Says Small Boat Crossings Will Fall\nThe minister spoke in Dover.', '2023-06-01').people.map((p) => p.name)).toEqual(['Suella Braverman']);
    // In a sentence, a capital after the title is still someone else ("King George VI").
    expect(run('The King George VI memorial was cleaned.', '2023-06-01').people).toEqual([]);
  });
  it('an office spoken of as an office names nobody', () => {
    expect(marks('The great offices of state: the Foreign Secretary, the Chancellor and the Home Secretary.', '2024-03-01')).toEqual([]);
    expect(marks('She was offered the role of Home Secretary.', '2024-03-01')).toEqual([]);
    expect(marks('He wanted the post of the Chancellor.', '2024-03-01')).toEqual([]);
    // Two holders doing something are still two people.
    expect(marks('Rishi Sunak said the Home Secretary and the Chancellor agreed.', '2024-01-31')).toEqual(['Rishi Sunak=Rishi Sunak', 'Home Secretary=James Cleverly', 'Chancellor=Jeremy Hunt']);
  });
  it('reads titles the press uses: the Treasurer, the Taoiseach, the opposition leader, Chancellor Merz, the NATO chief', () => {
    expect(marks('The Treasurer said the budget was in surplus. Anthony Albanese agreed.', '2023-06-01')).toEqual(['Treasurer=Jim Chalmers', 'Anthony Albanese=Anthony Albanese']);
    expect(marks('The Taoiseach spoke in Dublin.', '2023-06-01')).toEqual(['Taoiseach=Leo Varadkar']);
    expect(marks('The opposition leader said no. Peter Dutton is the Liberal leader.', '2023-06-01')).toEqual(['opposition leader=Peter Dutton', 'Peter Dutton=Peter Dutton']);
    expect(marks('Chancellor Merz spoke.', '2025-06-01')).toEqual(['Merz=Friedrich Merz']);
    expect(marks('Chancellor Merz spoke.', '2023-06-01')).toEqual([]);
    expect(marks('The NATO chief spoke.', '2025-06-01')).toEqual(['NATO chief=Mark Rutte']);
  });
  it('a bare surname of a foreign minister is not read in another country\'s story ("Birmingham")', () => {
    expect(marks('Liz Truss spoke to the conference in Birmingham. Birmingham was cold.', '2022-10-05')).toEqual(['Liz Truss=Liz Truss']);
  });
});

describe('pledges as patterns', () => {
  it('expands optional words and alternatives, and inflects the verb', () => {
    expect(expandPattern('stop the (small) boats')).toEqual(['stop the boats', 'stop the small boats']);
    expect(expandPattern('rejoin the paris (climate) [agreement|accord]')).toEqual(['rejoin the paris agreement', 'rejoin the paris accord', 'rejoin the paris climate agreement', 'rejoin the paris climate accord']);
    expect(pledgeVariants('get brexit done')).toEqual(expect.arrayContaining(['getting brexit done', 'got brexit done']));
    expect(patternDisplay('smash the (criminal|smuggling) gangs')).toBe('smash the gangs');
  });
  it('finds every pledge in every form its pattern gives', () => {
    for (const pl of index.pledges) {
      for (const pattern of pl.phrases) {
        for (const form of pledgeVariants(pattern)) {
          expect(pledges(`They spoke of this: ${form}.`), `${pl.id}: "${form}"`).toContain(pl.id);
        }
      }
    }
  });
  it('finds slogans as printed, and keeps precision', () => {
    expect(pledges('Sunak pledged to keep stopping the small boats and getting Brexit done.')).toEqual(['uk-stop-the-boats', 'uk-get-brexit-done']);
    expect(pledges('The campaign promised to smash the criminal gangs.')).toEqual(['uk-smash-the-gangs']);
    expect(pledges('He was building a garden wall.')).toEqual([]);
    expect(pledges('They built a wall around the school.')).toEqual([]);
    expect(pledges('Trump vowed to build the border wall.')).toEqual(['us-build-the-wall']);
  });
});

describe('party on the date', () => {
  it('is never a party or group the person joined after the date', () => {
    const d = new DatasetIndex({
      schema: 1, asOf: '2026-01-01', sources: [{ id: 't', name: 't', licence: 'CC0', url: 'https://example.org' }],
      people: [{ id: 'a', name: 'Anne Exemple', country: 'FR', parties: [{ party: 'Nouveau Groupe', from: '2025-01-01' }], src: ['t'] },
        { id: 'b', name: 'Bernard Exemple', country: 'FR', parties: [{ party: 'Old', from: '2010-01-01', to: '2020-01-01' }, { party: 'New', from: '2025-01-01' }], src: ['t'] }],
      tenures: [], pledges: [], surnames: { common: [], words: [] },
    });
    expect(d.partyOn(0, '2024-03-01')).toBeUndefined();
    expect(d.partyOn(0, '2025-03-01')).toBe('Nouveau Groupe');
    expect(d.partyOn(1, '2022-03-01')).toBe('Old');
  });
});
