/**
 * Reader settings in extension storage (local only, never synced, never sent).
 * Reads validate (src/core/settings.ts): unreadable stored settings fall back
 * to defaults with a notice instead of breaking the extension. Writes replace
 * the whole value in one storage call, so a failure leaves the previous state.
 */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, parseSettings, SettingsSchema, type Settings } from '../core/settings';
import * as v from 'valibot';

const KEY = 'settings';
let notice: string | undefined;

export async function loadSettings(): Promise<{ settings: Settings; notice?: string }> {
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(KEY))[KEY];
  } catch (e) {
    notice = `Nameplate could not read its settings (${String(e)}); defaults are in use.`;
    return { settings: DEFAULT_SETTINGS, notice };
  }
  const parsed = parseSettings(stored);
  if (parsed.problem) notice = `Your saved settings could not be read (${parsed.problem}); Nameplate is using its defaults.`;
  return { settings: parsed.settings, ...(notice ? { notice } : {}) };
}

/** Apply a patch; the result must validate, else nothing changes. */
export async function updateSettings(patch: Partial<Settings>): Promise<{ ok: true; settings: Settings } | { ok: false; error: string }> {
  const { settings } = await loadSettings();
  const next: Record<string, unknown> = { ...settings };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (Object.hasOwn(patch, key)) next[key] = (patch as Record<string, unknown>)[key];
  next.version = 1;
  const r = v.safeParse(SettingsSchema, next);
  if (!r.success) {
    const issue = r.issues[0];
    return { ok: false, error: `${issue.path?.map((p) => String(p.key)).join('.') || 'settings'}: ${issue.message}` };
  }
  try {
    await browser.storage.local.set({ [KEY]: r.output });
  } catch (e) {
    return { ok: false, error: `could not save (${String(e)}); your previous settings are kept` };
  }
  notice = undefined;
  return { ok: true, settings: r.output };
}

/** Switch Nameplate on or off for one host (the popup's switch). */
export async function setHostEnabled(host: string, enabled: boolean): Promise<Settings> {
  const { settings } = await loadSettings();
  const deny = new Set(settings.deny);
  const allow = new Set(settings.allow);
  if (enabled) {
    deny.delete(host);
    if (settings.siteMode === 'allowlist') allow.add(host);
  } else {
    deny.add(host);
    allow.delete(host);
  }
  const r = await updateSettings({ deny: [...deny].sort(), allow: [...allow].sort() });
  return r.ok ? r.settings : settings;
}
