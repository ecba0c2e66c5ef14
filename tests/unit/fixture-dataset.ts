/** A small hand-made dataset for unit tests of matching and resolution logic (not real facts). */
import type { Dataset } from '../../src/core/schema';
import { DatasetIndex } from '../../src/core/dataset';

export const FIXTURE: Dataset = {
  schema: 1,
  asOf: '2026-01-01',
  sources: [{ id: 't', name: 'Test source', licence: 'CC0', url: 'https://example.org' }],
  people: [
    { id: 'p-cleverly', name: 'James Cleverly', country: 'GB', parties: [{ party: 'Conservative' }], src: ['t'] },
    { id: 'p-braverman', name: 'Suella Braverman', aliases: [{ name: 'Suella Fernandes', to: '2018-02-10' }], country: 'GB', src: ['t'] },
    { id: 'p-may', name: 'Theresa May', country: 'GB', src: ['t'] },
    { id: 'p-rees-mogg', name: 'Jacob Rees-Mogg', country: 'GB', src: ['t'] },
    { id: 'p-darmanin', name: 'Gérald Darmanin', country: 'FR', src: ['t'] },
    { id: 'p-vdl', name: 'Ursula von der Leyen', country: 'EU', src: ['t'] },
    { id: 'p-murphy-a', name: 'Paul Murphy', country: 'GB', src: ['t'] },
    { id: 'p-murphy-b', name: 'Paul Murphy', country: 'GB', src: ['t'] },
    { id: 'p-sunak', name: 'Rishi Sunak', country: 'GB', src: ['t'] },
  ],
  tenures: [
    { person: 'p-braverman', title: 'Secretary of State for the Home Department', short: 'Home Secretary', country: 'GB', start: '2022-10-25', end: '2023-11-13', rank: 3, src: 't' },
    { person: 'p-cleverly', title: 'Secretary of State for the Home Department', short: 'Home Secretary', country: 'GB', start: '2023-11-13', end: '2024-07-05', rank: 3, src: 't' },
    { person: 'p-cleverly', title: 'Foreign Secretary', short: 'Foreign Secretary', country: 'GB', start: '2022-09-06', end: '2023-11-13', rank: 3, src: 't' },
    { person: 'p-may', title: 'Prime Minister', short: 'Prime Minister', country: 'GB', start: '2016-07-13', end: '2019-07-24', rank: 1, src: 't' },
    { person: 'p-sunak', title: 'Prime Minister', short: 'Prime Minister', country: 'GB', start: '2022-10-25', end: '2024-07-05', rank: 1, src: 't' },
    { person: 'p-darmanin', title: "Ministre de l'Intérieur", short: 'Minister of the Interior', country: 'FR', start: '2020-07-06', end: '2024-09-21', rank: 3, src: 't' },
    { person: 'p-murphy-a', title: 'Secretary of State for Northern Ireland', short: 'Northern Ireland Secretary', country: 'GB', start: '1999-10-11', end: '2002-10-24', rank: 3, src: 't' },
    { person: 'p-murphy-b', title: 'Junior post', short: 'Junior Minister', country: 'GB', start: '2030-01-01', rank: 5, src: 't' },
  ],
  pledges: [
    { id: 'stop-boats', wording: 'Stop small boat crossings', phrases: ['stop the boats'], by: ['p-sunak'], date: '2023-01-04', status: { value: 'broken', date: '2024-07-04' }, url: 'https://example.org/p', src: 't' },
  ],
  surnames: { common: ['murphy'], words: ['cleverly', 'may', 'truss'] },
};

export const fixtureIndex = () => new DatasetIndex(FIXTURE);
