/**
 * The reader's settings: shape, defaults and validation. Pure, so the worker,
 * the options page (settings export and import) and the tests share it.
 * Anything stored that does not fit is replaced by defaults, never trusted.
 */
import * as v from 'valibot';

const HOST = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+(:\d{1,5})?$/i));

export const SettingsSchema = v.object({
  version: v.literal(1),
  /** Global pause: Nameplate marks nothing anywhere. */
  paused: v.boolean(),
  /** 'all': every web page except `deny`; 'allowlist': only the hosts in `allow`. */
  siteMode: v.picklist(['all', 'allowlist']),
  deny: v.pipe(v.array(HOST), v.maxLength(5000)),
  allow: v.pipe(v.array(HOST), v.maxLength(5000)),
  /** How mentions look on the page. */
  marks: v.picklist(['underline', 'background', 'none']),
  /** Hover intent delay before the card shows (ms). */
  delayMs: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(2000)),
  theme: v.picklist(['auto', 'light', 'dark']),
  /** Data sources switched off (bundled source ids and import ids). */
  disabledSources: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(1000)),
  /** People the reader said are not who Nameplate thought ("not this person"), by id. */
  hiddenPeople: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(10000)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  paused: false,
  siteMode: 'all',
  deny: [],
  allow: [],
  marks: 'underline',
  delayMs: 350,
  theme: 'auto',
  disabledSources: [],
  hiddenPeople: [],
};

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value, when defaults had to stand in. */
  problem?: string;
}

/** Validate a stored or imported value. Missing fields take their defaults; a wrong one rejects the whole value. */
export function parseSettings(value: unknown): ParsedSettings {
  if (value === undefined) return { settings: DEFAULT_SETTINGS };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { settings: DEFAULT_SETTINGS, problem: 'the stored settings were not an object' };
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (Object.hasOwn(value, key)) merged[key] = (value as Record<string, unknown>)[key];
  const r = v.safeParse(SettingsSchema, merged);
  if (r.success) return { settings: r.output };
  const issue = r.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') || 'settings';
  return { settings: DEFAULT_SETTINGS, problem: `${where}: ${issue.message}` };
}

/** Is Nameplate on for this host under these settings? */
export function siteEnabled(s: Settings, host: string): boolean {
  if (s.paused) return false;
  const h = host.toLowerCase();
  const listed = (list: string[]) => list.some((d) => h === d || h.endsWith(`.${d}`));
  if (s.siteMode === 'allowlist') return listed(s.allow);
  return !listed(s.deny);
}

/** The display preferences the page side needs. */
export type DisplayPrefs = Pick<Settings, 'marks' | 'delayMs' | 'theme'>;
export type MarkStyle = Settings['marks'];
