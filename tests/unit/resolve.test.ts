import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { fixtureIndex } from './fixture-dataset';

const index = fixtureIndex();
const run = (text: string, date = '2024-01-31', host?: string) =>
  annotate(index, { text, meta: { jsonLd: [], metas: [], times: [] }, date, today: '2026-01-01', host });
const marked = (text: string, date?: string) => run(text, date).people.flatMap((p) => p.mentions.map((m) => `${m.text}=${p.id}`));

describe('resolution', () => {
  it('accepts full names and the office held on the date', () => {
    const a = run('James Cleverly met officials.');
    expect(a.people).toHaveLength(1);
    expect(a.people[0]).toMatchObject({ id: 'p-cleverly', role: 'Home Secretary', roleStart: '2023-11-13', roleEnd: '2024-07-05', party: 'Conservative', why: 'full name' });
    expect(run('James Cleverly met officials.', '2023-01-10').people[0].role).toBe('Foreign Secretary');
  });
  it('gives an office that changes on the publication day to the new holder; the outgoing one is shown until today', () => {
    const people = run('Suella Braverman and James Cleverly', '2023-11-13').people;
    expect(people.map((p) => [p.id, p.role, p.roleEnd])).toEqual([
      ['p-braverman', 'Home Secretary', '2023-11-13'],
      ['p-cleverly', 'Home Secretary', '2024-07-05'],
    ]);
    // Cleverly moved that day: the new office leads, the ended one is named beside it.
    expect(people[1].change).toMatchObject({ short: 'Foreign Secretary', end: '2023-11-13' });
    expect(people[0].change).toBeNull();
    expect(run('The Home Secretary spoke.', '2023-11-12', 'news.example.co.uk').people.map((p) => p.id)).toEqual(['p-braverman']);
    expect(run('The Home Secretary spoke.', '2023-11-13', 'news.example.co.uk').people.map((p) => p.id)).toEqual(['p-cleverly']);
  });
  it('shows former officials as former', () => {
    const p = run('Theresa May spoke.', '2024-01-31').people[0];
    expect(p.role).toBeNull();
    expect(p.former).toMatchObject({ short: 'Prime Minister', start: '2016-07-13', end: '2019-07-24' });
  });
  it('counts a bare surname or Mr + surname only after the full name appears', () => {
    expect(marked('Mr Cleverly said no.')).toEqual([]);
    expect(marked('Cleverly says yes. James Cleverly met Mr Cleverly.')).toEqual(['Cleverly=p-cleverly', 'James Cleverly=p-cleverly', 'Cleverly=p-cleverly']);
  });
  it('ignores lower-case words that look like surnames, and May the month', () => {
    expect(marked('James Cleverly spoke; it was cleverly designed.')).toEqual(['James Cleverly=p-cleverly']);
    expect(marked('Theresa May resigned. In May the party met; on 3 May it voted. May said no.')).toEqual(['Theresa May=p-may', 'May=p-may']);
  });
  it('resolves titles to the holder on the date in the article’s country, only with a determiner', () => {
    expect(marked('Rishi Sunak said the Home Secretary would travel.')).toEqual(['Rishi Sunak=p-sunak', 'Home Secretary=p-cleverly']);
    expect(marked('Rishi Sunak spoke. Home Secretary questions continue.')).toEqual(['Rishi Sunak=p-sunak']);
    expect(marked('Rishi Sunak spoke to the former Home Secretary.')).toEqual(['Rishi Sunak=p-sunak']);
    expect(marked('Talks with the French interior minister today.')).toEqual(['interior minister=p-darmanin']);
  });
  it('does not treat "Prime Minister\'s Questions" as a person', () => {
    expect(marked('Rishi Sunak faced the Prime Minister’s Questions session.')).toEqual(['Rishi Sunak=p-sunak']);
  });
  it('matches earlier names and hyphenated names', () => {
    expect(marked('Suella Fernandes, as she then was, and Jacob Rees-Mogg.', '2017-01-01')).toEqual(['Suella Fernandes=p-braverman', 'Jacob Rees-Mogg=p-rees-mogg']);
    expect(marked('Ursula von der Leyen arrived; von der Leyen spoke.')).toEqual(['Ursula von der Leyen=p-vdl', 'von der Leyen=p-vdl']);
  });
  it('decides people who share a name by date, or leaves them unmarked', () => {
    expect(marked('Paul Murphy spoke.', '2001-01-01')).toEqual(['Paul Murphy=p-murphy-a']);
    expect(marked('Paul Murphy spoke.', '2031-01-01')).toEqual(['Paul Murphy=p-murphy-b']);
    expect(marked('Paul Murphy spoke.', '2010-01-01')).toEqual(['Paul Murphy=p-murphy-a']);
  });
  it('finds pledges and their inflections, linked to who made them', () => {
    const a = run('He vowed to stop the boats. Stopping The Boats was hard.');
    expect(a.pledges).toHaveLength(1);
    expect(a.pledges[0]).toMatchObject({ id: 'stop-boats', by: ['Rishi Sunak'], status: 'broken' });
    expect(a.pledges[0].mentions.map((m) => m.text)).toEqual(['stop the boats', 'Stopping The Boats']);
  });
  it('says what they hold now when it differs', () => {
    const p = run('James Cleverly', '2023-01-10').people[0];
    expect(p.role).toBe('Foreign Secretary');
    expect(p.now).toBeNull(); // holds nothing in the fixture on 2026-01-01
    const q = annotate(index, { text: 'James Cleverly', meta: { jsonLd: [], metas: [], times: [] }, date: '2023-01-10', today: '2024-01-31' }).people[0];
    expect(q.now).toMatchObject({ short: 'Home Secretary' });
  });
});
