/**
 * Reader-facing office titles: other phrasings news uses for the same short
 * title, and the adjectives that name a country ("French interior minister").
 */
import { nameKey } from './normalise';

/** Other phrasings → the dataset's short title. */
export const TITLE_SYNONYMS: Record<string, string> = {
  'interior minister': 'Minister of the Interior',
  'minister of the interior': 'Minister of the Interior',
  'foreign minister': 'Minister for Foreign Affairs',
  'justice minister': 'Minister of Justice',
  'economy minister': 'Minister of the Economy',
  'finance minister': 'Minister of the Economy',
  'armed forces minister': 'Minister of the Armed Forces',
  'defence minister': 'Minister of the Armed Forces',
  'defense minister': 'Minister of the Armed Forces',
  'premier': 'Prime Minister',
  'opposition leader': 'Leader of the Opposition',
  'leader of the official opposition': 'Leader of the Opposition',
  'nato chief': 'NATO Secretary-General',
  'nato secretary general': 'NATO Secretary-General',
  'un secretary general': 'UN Secretary-General',
  'un chief': 'UN Secretary-General',
  'vice-chancellor': 'Vice-Chancellor',
  'pm': 'Prime Minister',
  'veep': 'Vice President',
  'vice-president': 'Vice President',
  'chancellor of the exchequer': 'Chancellor',
  // A bare "First Minister" could be Scotland's, Wales's or Northern Ireland's: only these resolve.
  'scottish first minister': 'First Minister of Scotland',
  "scotland's first minister": 'First Minister of Scotland',
  'scottish deputy first minister': 'Deputy First Minister of Scotland',
  "scotland's deputy first minister": 'Deputy First Minister of Scotland',
};

const COUNTRY_WORDS: Record<string, string> = {
  // Keys are folded (nameKey): "Scotland's" is read as its first token, "scotland".
  british: 'GB', uk: 'GB', britain: 'GB', english: 'GB', scottish: 'GB', welsh: 'GB', scotland: 'GB',
  french: 'FR', france: 'FR',
  american: 'US', us: 'US', 'u s': 'US', america: 'US',
  german: 'DE', germany: 'DE', italian: 'IT', italy: 'IT', spanish: 'ES', spain: 'ES',
  european: 'EU', eu: 'EU', irish: 'IE', canadian: 'CA', australian: 'AU', indian: 'IN', japanese: 'JP',
  japan: 'JP', canada: 'CA', australia: 'AU', india: 'IN', ireland: 'IE',
  dutch: 'NL', belgian: 'BE', austrian: 'AT', polish: 'PL', swedish: 'SE', danish: 'DK', finnish: 'FI', greek: 'GR',
  portuguese: 'PT', czech: 'CZ', slovak: 'SK', hungarian: 'HU', romanian: 'RO', bulgarian: 'BG', croatian: 'HR',
  slovenian: 'SI', estonian: 'EE', latvian: 'LV', lithuanian: 'LT', maltese: 'MT', cypriot: 'CY', luxembourg: 'LU',
  brazilian: 'BR', mexican: 'MX', argentine: 'AR', argentinian: 'AR', chinese: 'CN', russian: 'RU',
  turkish: 'TR', saudi: 'SA', indonesian: 'ID', ukrainian: 'UA', israeli: 'IL', norwegian: 'NO',
};

/** The country an adjective or country name stands for, if any. */
export function countryWord(word: string): string | undefined {
  return COUNTRY_WORDS[nameKey(word)];
}

/** Top-level-domain hints for the article's country. */
export function countryOfHost(host: string): string | undefined {
  const h = host.toLowerCase();
  if (/\.(uk)$/.test(h)) return 'GB';
  if (/\.fr$/.test(h)) return 'FR';
  if (/\.de$/.test(h)) return 'DE';
  if (/\.eu$/.test(h)) return 'EU';
  if (/\.gov$/.test(h)) return 'US';
  return undefined;
}
