/** Issue-4 cases against the real bundled dataset: name forms, coreference, titles, dates, ambiguity, non-people. */
import { describe, expect, it } from 'vitest';
import { annotateArticle, loadIndex, readArticle } from '../../src/cli/run';

const index = loadIndex();
const run = (text: string, date: string, url?: string) =>
  annotateArticle({ text, meta: { jsonLd: [], metas: [], times: [], ...(url ? { url } : {}) } }, date, index);
const marks = (text: string, date: string, url?: string) =>
  run(text, date, url).people.flatMap((p) => p.mentions.map((m) => ({ at: m.start, s: `${m.text}=${p.name}` }))).sort((a, b) => a.at - b.at).map((x) => x.s);
const people = (text: string, date: string) => run(text, date).people.map((p) => `${p.name}:${p.role ?? 'none'}:${p.why}`);

describe('name forms', () => {
  it('honorific + surname after the full name, possessives with straight and curly apostrophes', () => {
    expect(marks('Rishi Sunak spoke. Mr Sunak’s plan and Sunak\'s aides.', '2023-03-01')).toEqual(['Rishi Sunak=Rishi Sunak', 'Sunak=Rishi Sunak', 'Sunak=Rishi Sunak']);
  });
  it('all-caps headlines, accents dropped or kept, hyphenated names, non-breaking spaces', () => {
    expect(marks('CLEVERLY IN PARIS\n\nJames Cleverly met Gerald Darmanin and Jacob Rees-Mogg; Gérald\u00a0Darmanin smiled.', '2024-01-31'))
      .toEqual(['CLEVERLY=James Cleverly', 'James Cleverly=James Cleverly', 'Gerald Darmanin=Gérald Darmanin', 'Jacob Rees-Mogg=Jacob Rees-Mogg', 'Gérald\u00a0Darmanin=Gérald Darmanin']);
  });
  it('office honorifics resolve a surname to the one holder of that office on the date', () => {
    expect(people('Yesterday President Biden signed the bill.', '2022-08-16')).toEqual(['Joe Biden:President:title and surname']);
    expect(people('Speaking later, Sen. Warren criticised it.', '2023-05-01')).toEqual(['Elizabeth Warren:Senator:title and surname']);
  });
  it('earlier names and peerages say so', () => {
    expect(people('Suella Fernandes backed the motion.', '2017-03-01')).toEqual(['Suella Fernandes:MP:earlier full name']);
    expect(run('Suella Fernandes backed the motion.', '2017-03-01').people[0].currentName).toBe('Suella Braverman');
    expect(people('Lord Cameron flew to Kyiv.', '2024-02-01')).toEqual(['Lord Cameron of Chipping Norton:Foreign Secretary:other name']);
  });
});

describe('coreference', () => {
  it('a headline surname resolves only when the body names the person', () => {
    expect(marks('Cleverly says no\n\nThe minister spoke.', '2024-01-31')).toEqual([]);
    expect(marks('Cleverly says no\n\nJames Cleverly spoke.', '2024-01-31')).toEqual(['Cleverly=James Cleverly', 'James Cleverly=James Cleverly']);
  });
  it('words that are surnames stay words', () => {
    expect(marks('The roof truss was cleverly designed; in May the brown borne arches rose.', '2024-01-31')).toEqual([]);
  });
  it('a distinctive surname capitalised mid-sentence counts alone, not at the start of a sentence', () => {
    expect(people('Officials said Sunak would visit Kent.', '2023-03-01')).toEqual(['Rishi Sunak:Prime Minister:distinctive surname']);
    expect(marks('Sunak would visit Kent.', '2023-03-01')).toEqual([]);
    // An honorific is not a first name: "Mr Sunak" counts like "Sunak" (and "Mr Patel" the newsagent stays out: common surname).
    expect(people('Officials said Mr Sunak would visit Kent.', '2023-03-01')).toEqual(['Rishi Sunak:Prime Minister:distinctive surname']);
    expect(marks('Officials said Mr Patel, a newsagent, was robbed.', '2023-03-01')).toEqual([]);
  });
  it('a surname right after another capitalised word belongs to that name', () => {
    expect(marks('Darren Jones spoke. Dow Jones fell and Tom Jones sang.', '2025-03-01')).toEqual(['Darren Jones=Darren Jones']);
  });
});

describe('titles', () => {
  it('a title is nobody in particular after "previous", "former", "no", "every", "a" or "become", also with a country word', () => {
    expect(marks('The previous Scottish Secretary, Alister Jack, disagreed.', '2025-03-01')).toEqual(['Alister Jack=Alister Jack']);
    expect(marks('A former Conservative Welsh Secretary criticised the plan.', '2025-03-01')).toEqual([]);
    expect(marks('A former French interior minister spoke.', '2024-03-01')).toEqual([]);
    expect(marks('Kate Forbes, who hopes to become Scottish First Minister, spoke.', '2023-02-20')).toEqual(['Kate Forbes=Kate Forbes']);
    expect(marks('Every Scottish First Minister since devolution has tried.', '2025-03-01')).toEqual([]);
  });
  it('a country is not the surname of a peer who bears it ("Scotland" is not Baroness Scotland)', () => {
    expect(marks('The economy of Scotland grew last year, figures show.', '2024-05-01')).toEqual([]);
  });
  it('a country adjective picks that country\'s holder, including leaders who took office after the Wikidata snapshot', () => {
    expect(people('The Japanese prime minister met the Dutch prime minister.', '2026-03-01').map((p) => p.split(':').slice(0, 2).join(':')))
      .toEqual(['Sanae Takaichi:Prime Minister', 'Rob Jetten:Prime Minister']);
    expect(people('The Japanese prime minister spoke.', '2025-10-10').map((p) => p.split(':')[0])).toEqual(['Shigeru Ishiba']);
    // Turkey has had no prime minister since July 2018: its president is President, not "Prime Minister".
    expect(people('The Turkish president spoke.', '2020-03-01').map((p) => p.split(':').slice(0, 2).join(':'))).toEqual(['Recep Tayyip Erdoğan:President']);
    // No guess for a country the data does not cover.
    expect(marks('The North Korean leader spoke.', '2026-03-01')).toEqual([]);
  });
  it('resolve to the holder on the date in the article’s country', () => {
    expect(marks('Rishi Sunak said the Home Secretary and the Chancellor agreed.', '2024-01-31')).toEqual([
      'Rishi Sunak=Rishi Sunak', 'Home Secretary=James Cleverly', 'Chancellor=Jeremy Hunt',
    ]);
    expect(marks('Joe Biden met the vice president.', '2022-03-01')).toEqual(['Joe Biden=Joe Biden', 'vice president=Kamala Harris']);
    expect(marks('Talks with the French interior minister.', '2025-03-01')).toEqual(['interior minister=Bruno Retailleau']);
  });
  it('a title before a name confirms the name', () => {
    expect(people('Home secretary James Cleverly spoke.', '2024-01-31')).toEqual(['James Cleverly:Home Secretary:title and name']);
  });
  it('an office that changes on the publication day goes to the new holder', () => {
    expect(marks('Keir Starmer spoke as the prime minister arrived.', '2024-07-05')).toEqual(['Keir Starmer=Keir Starmer', 'prime minister=Keir Starmer']);
    expect(marks('Rishi Sunak spoke as the prime minister arrived.', '2024-07-04')).toEqual(['Rishi Sunak=Rishi Sunak', 'prime minister=Rishi Sunak']);
  });
});

describe('dates', () => {
  it('names the department, not the brief held alongside it (Minister for Women and Equalities)', () => {
    expect(run('Bridget Phillipson spoke.', '2026-03-10').people[0].role).toBe('Education Secretary');
    expect(run('Kemi Badenoch spoke.', '2023-03-10').people[0].role).toBe('Business Secretary');
    // A French minister attached to another ("Ministre auprès du ministre de la transition écologique, chargée des transports") is known by the brief.
    expect(run('Elisabeth Borne spoke.', '2018-03-01').people[0].role).toBe('Ministre chargé des transports');
  });
  it('dates an MP re-elected at each election from the first election, but keeps a minister\'s spells apart', () => {
    const abbott = run('Diane Abbott asked a question.', '2025-03-01').people[0];
    expect([abbott.role, abbott.roleStart, abbott.roleEnd]).toEqual(['MP', '2010-05-06', null]);
    // Braverman left the Home Office on 19 October 2022 and came back six days later: two spells.
    const braverman = run('Suella Braverman spoke.', '2023-01-10').people[0];
    expect([braverman.role, braverman.roleStart]).toEqual(['Home Secretary', '2022-10-25']);
  });
  it('shows former officials as former, and what they hold now', () => {
    const [may] = run('Theresa May spoke.', '2021-01-01').people;
    expect(may.role).toBe('MP');
    const [blair] = run('Tony Blair spoke.', '2021-01-01').people;
    expect(blair.role).toBeNull();
    expect(blair.former).toMatchObject({ short: 'Prime Minister', start: '1997-05-02', end: '2007-06-27' });
    const [dar] = run('Gérald Darmanin spoke.', '2024-01-31').people;
    expect(dar.now?.short).toBe('Minister of Justice');
  });
});

describe('ambiguity', () => {
  it('keeps what a title before a name confirms (review cases: no over-correction)', () => {
    // Kerry's Senate years are not in the data: "Sen." does not rule him out.
    expect(marks('Sen. John Kerry spoke. Kerry is tipped for State.', '2012-06-01')).toEqual(['John Kerry=John Kerry', 'Kerry=John Kerry']);
    // Title Case headlines and month names are not a first name plus surname.
    expect(marks('Chancellor Reeves Defends Budget\nRachel Reeves said it was fair.', '2024-10-31')).toEqual(['Reeves=Rachel Reeves', 'Rachel Reeves=Rachel Reeves']);
    expect(marks('Joe Biden spoke. It was signed by President Biden January 6 last year.', '2023-05-01')).toEqual(['Joe Biden=Joe Biden', 'Biden=Joe Biden']);
    // Two people the article names, joined by "&", are people; a firm is a firm.
    expect(marks('Keir Starmer and Rachel Reeves spoke. Later, Starmer & Reeves toured a factory.', '2024-10-01'))
      .toEqual(['Keir Starmer=Keir Starmer', 'Rachel Reeves=Rachel Reeves', 'Starmer=Keir Starmer', 'Reeves=Rachel Reeves']);
    expect(marks('Shares of Johnson & Johnson rose. Speaker Mike Johnson spoke.', '2025-03-01')).toEqual(['Mike Johnson=Mike Johnson']);
  });
  it('a legislator\'s title before a full name rules out namesakes who never held that office', () => {
    // Father and son are both "Robert Menendez": the Senator (to 2024) and the Representative (from 2023).
    expect(marks('Sen. Robert Menendez chairs the committee.', '2013-02-01')).toEqual(['Robert Menendez=Bob Menendez']);
    expect(people('Sen. Robert Menendez chairs the committee.', '2013-02-01')).toEqual(['Bob Menendez:Senator:other name']);
    expect(marks('Rep. Rob Menendez asked a question.', '2024-03-01')).toEqual(['Rob Menendez=Rob Menendez']);
  });
  it('a title before a first name and surname is someone else\'s full name ("Former Sen. Scott Brown")', () => {
    // Scott Brown himself is in the data (Senator 2010–2013); a namesake who is not is never read as Sen. Tim Scott.
    expect(marks('Former Sen. Scott Brown said he would not run.', '2013-02-01')).toEqual(['Scott Brown=Scott Brown']);
    expect(marks('Former Sen. Scott Brownlee said he would not run.', '2013-02-01')).toEqual([]);
    expect(people('Sen. Scott said he would not run.', '2013-02-01')).toEqual(['Tim Scott:Senator:title and surname']);
  });
  it('never reads a gendered honorific as someone the sources record otherwise ("Mrs Jones" is not Darren Jones)', () => {
    expect(marks('Darren Jones visited the school. Mrs Jones, the head teacher, was delighted. Mr Jones promised funding.', '2026-03-10'))
      .toEqual(['Darren Jones=Darren Jones', 'Jones=Darren Jones']);
    expect(marks('Rachel Reeves spoke. Ms Reeves said growth was coming; Mr Reeves, her driver, said nothing.', '2025-03-01'))
      .toEqual(['Rachel Reeves=Rachel Reeves', 'Reeves=Rachel Reeves']);
  });
  it('people sharing a surname are told apart by their full names, never guessed', () => {
    expect(marks('Boris Johnson and Jo Johnson met. Mr Johnson left.', '2019-08-01')).toEqual(['Boris Johnson=Boris Johnson', 'Jo Johnson=Jo Johnson']);
    expect(marks('Ed Miliband spoke. Miliband smiled.', '2014-05-01')).toEqual(['Ed Miliband=Ed Miliband', 'Miliband=Ed Miliband']);
    expect(marks('Ed Miliband and David Miliband spoke. Miliband smiled.', '2010-06-01')).toEqual(['Ed Miliband=Ed Miliband', 'David Miliband=David Miliband']);
  });
});

describe('not people', () => {
  it('places with a hyphenated preposition are places ("Burnham-on-Sea")', () => {
    expect(marks('Andy Burnham spoke. Later, in Burnham-on-Sea, the tide came in.', '2025-03-01')).toEqual(['Andy Burnham=Andy Burnham']);
  });
  it('bylines, credits, companies, institutions and places', () => {
    const text = 'By Rachel Reeves\n\nThe Dow Jones rose. Johnson & Johnson fell. Trump University closed. The Ronald Reagan Presidential Library opened. Prime Minister\'s Questions resumed in Downing Street.\n\nPhotograph: Rishi Sunak/Reuters';
    expect(marks(text, '2023-03-01')).toEqual([]);
  });
  it('a firm named after a surname stays a firm when the person is in the article too', () => {
    expect(marks('Speaker Mike Johnson spoke. Shares of Johnson & Johnson rose; Marks & Spencer fell.', '2025-03-01')).toEqual(['Mike Johnson=Mike Johnson']);
  });
});

describe('pledges', () => {
  it('phrase variants and inflections, linked to who made them', () => {
    const a = run('Stopping the boats is hard. He will STOP THE BOATS. Growth, growth, growth, she said.', '2023-03-01');
    expect(a.pledges.map((p) => [p.phrase, p.by.join(','), p.mentions.length])).toEqual([
      ['stop the boats', 'Rishi Sunak', 2],
      ['growth, growth, growth', 'Liz Truss', 1],
    ]);
  });
});

describe('boilerplate', () => {
  it('what the article body says decides its country, while people in site chrome are still marked', () => {
    const html = `<html><body><nav>Most read: Emmanuel Macron on tour; Gérald Darmanin visits Lille</nav>
      <article><p>James Cleverly said the prime minister would decide.</p></article></body></html>`;
    const a = annotateArticle(readArticle(html, 'page.html'), '2024-01-31', index);
    expect(a.people.map((p) => p.name).sort()).toEqual(['Emmanuel Macron', 'Gérald Darmanin', 'James Cleverly', 'Rishi Sunak']);
    expect(a.people.find((p) => p.name === 'Rishi Sunak')!.mentions[0].text).toBe('prime minister');
  });
});
