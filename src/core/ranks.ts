/**
 * Which office readers know a person by, when several are held at once: the one place
 * the order of offices is decided (issue 14). Ranks themselves come with the data (1 head
 * of state or government … 7 legislator, 8 a smaller party's spokesperson); this module
 * breaks ties and names the duties that go with a main office.
 */
import type { Tenure } from './schema';

/**
 * Titles held alongside a main office of the same rank, which readers do not know the
 * holder by: the Leader of the House is "Lord President of the Council" too; Canada's
 * Minister of Justice is also Attorney General; a UK Secretary of State may also be
 * Minister for Women and Equalities.
 */
const ALONGSIDE = [
  /^First Secretary of State$/,
  /^Lord President of the Council$/,
  /^Lord Privy Seal$/,
  /^Minister for (Women|Equalities|Women and Equalit(y|ies)|the Civil Service|Intergovernmental Relations)$/,
  /^First Lord of the Treasury$/,
  /^Attorney General of Canada$/,
  /^Receiver General for Canada$/,
  /^(Deputy )?Leader of the Government in the (Senate|House of Lords)$/,
  /^Manager of (Government|Opposition) Business/,
  /^Vice-President of the Executive Council$/,
  /^Minister for the Public Service$/,
  /^Minister Assisting /,
  /^Minister for the Cabinet Office$/,
  // Representing another minister in the other chamber ("Minister for Finance in the House").
  / in the (House|Senate)$/,
];

/** Party offices ("Leader of the Conservative Party") go with a government or parliamentary office, not before it. */
const PARTY_OFFICE = /^[a-z]{2}_.*(leader|chair|president|secretary|coordinator)(_2)?$/;

/** A duty held alongside a main office (see ALONGSIDE). */
export const isAlongside = (t: Pick<Tenure, 'short' | 'title'> & { office?: string }) =>
  ALONGSIDE.some((re) => re.test(t.short) || re.test(t.title)) || PARTY_OFFICE.test(t.office ?? '');

/** A seat in a legislature (or lower): never the office a minister is known by. */
export const isSeat = (t: Pick<Tenure, 'rank'>) => t.rank >= 7;

/**
 * Order of offices held at once, the one readers know first: a more senior rank (a cabinet
 * post outranks a seat in parliament), a duty held alongside counting as a rank and a half
 * lower; then the later-started (the newer appointment is the news).
 */
export function compareOffices(a: Tenure, b: Tenure): number {
  // A duty held alongside counts a rank and a half below its own rank: below the office it goes
  // with even when a source ranks it higher (Lord President vs Leader of the House), above a seat.
  const ra = a.rank + (isAlongside(a) ? 1.5 : 0);
  const rb = b.rank + (isAlongside(b) ? 1.5 : 0);
  if (ra !== rb) return ra - rb;
  return a.start > b.start ? -1 : a.start < b.start ? 1 : 0;
}

/** A party's office (its leader, chair, president), not the state's. */
export const isPartyOffice = (t: { office?: string }) => PARTY_OFFICE.test(t.office ?? '');
