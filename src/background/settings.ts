/** Reader settings kept in extension storage (never synced, never sent anywhere). */
import browser from 'webextension-polyfill';

export interface Settings {
  /** Hosts where Nameplate is switched off. */
  disabledHosts: string[];
}

const DEFAULTS: Settings = { disabledHosts: [] };

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get('settings')).settings as Partial<Settings> | undefined;
  const hosts = Array.isArray(stored?.disabledHosts) ? stored.disabledHosts.filter((h): h is string => typeof h === 'string') : [];
  return { ...DEFAULTS, disabledHosts: hosts };
}

export async function setHostEnabled(host: string, enabled: boolean): Promise<void> {
  const s = await loadSettings();
  const hosts = new Set(s.disabledHosts);
  if (enabled) hosts.delete(host);
  else hosts.add(host);
  await browser.storage.local.set({ settings: { ...s, disabledHosts: [...hosts].sort() } });
}
