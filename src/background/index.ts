/**
 * Service worker: owns the dataset and the matcher, answers typed messages
 * from Nameplate's own pages and content scripts only.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { annotate } from '../core/annotate';
import type { DatasetIndex } from '../core/dataset';
import { localToday } from '../core/articleDate';
import {
  isBackgroundRequest, type AnnotateResponse, type BackgroundRequest, type DatasetInfoResponse, type SetSettingsResponse, type SettingsResponse, type SiteStateResponse,
} from '../messages';
import cardScript from '../card/index.tsx?iife';
import { getIndex, startupTimings } from './engine';
import { siteEnabled } from '../core/settings';
import { loadSettings, setHostEnabled, updateSettings } from './settings';
import { activeIndex, importFile, invalidate, listSources, removeSource } from './sources';
import { checkForUpdates, readState, resetToBundled, setUpdatesEnabled, updateAddress, type UpdateState } from './updates';
import { dataOrigin } from './engine';
import type { UpdateStatusResponse } from '../messages';

/** Only our own extension's contexts may talk to the worker. */
function trusted(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

async function handle(msg: BackgroundRequest, sender: Runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'annotate': {
      const host = hostOf(sender.tab?.url ?? sender.url);
      const { settings } = await loadSettings();
      if (host && !siteEnabled(settings, host)) return { ok: false, disabled: true } satisfies AnnotateResponse;
      const full = annotate(await activeIndex(), { text: msg.text, meta: msg.meta, date: msg.date, today: localToday(), host, known: msg.known, body: msg.body });
      // People the reader said were not who we thought are never marked again.
      const hidden = new Set(settings.hiddenPeople);
      const annotation = hidden.size ? { ...full, people: full.people.filter((p) => !hidden.has(p.id)) } : full;
      return { ok: true, annotation, display: { marks: settings.marks, delayMs: settings.delayMs, theme: settings.theme } } satisfies AnnotateResponse;
    }
    case 'dataset-info':
      return datasetInfo(await getIndex());
    case 'site-state': {
      const settings = msg.enabled === undefined ? (await loadSettings()).settings : await setHostEnabled(msg.host, msg.enabled);
      return { host: msg.host, enabled: siteEnabled(settings, msg.host) } satisfies SiteStateResponse;
    }
    case 'get-settings':
      return (await loadSettings()) satisfies SettingsResponse;
    case 'load-card': {
      // The card's code runs in the content script's isolated world of that very frame.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [cardScript] });
      return true;
    }
    case 'hide-person': {
      const { settings } = await loadSettings();
      const r = await updateSettings({ hiddenPeople: [...new Set([...settings.hiddenPeople, msg.personId])] });
      return r.ok;
    }
    case 'set-settings': {
      const r = await updateSettings(msg.patch);
      invalidate(); // switched sources take effect on the next page, without waiting for storage.onChanged
      return r satisfies SetSettingsResponse;
    }
    case 'list-sources':
      return listSources();
    case 'update-status':
      return updateStatus(await readState());
    case 'update-check':
      return updateStatus(await checkForUpdates());
    case 'update-set':
      return updateStatus(await setUpdatesEnabled(msg.enabled));
    case 'update-reset':
      await resetToBundled();
      return updateStatus(await readState());
    case 'import-file':
      return importFile(msg);
    case 'remove-source':
      return removeSource(msg.id);
    default:
      return undefined;
  }
}

async function updateStatus(state: UpdateState): Promise<UpdateStatusResponse> {
  const { data } = await getIndex();
  const o = dataOrigin();
  return {
    address: updateAddress(), enabled: state.enabled, lastCheck: state.lastCheck, last: state.last,
    data: { origin: o.origin, version: o.version, built: o.manifest?.built ?? null, asOf: data.asOf, sources: data.sources.map((s) => ({ id: s.id, name: s.name, licence: s.licence, asOf: s.asOf ?? null })) },
  };
}

function datasetInfo(index: DatasetIndex): DatasetInfoResponse {
  const { data } = index;
  return {
    startup: startupTimings(),
    asOf: data.asOf,
    people: data.people.length,
    tenures: data.tenures.length,
    pledges: data.pledges.length,
    sources: data.sources.map((s) => ({
      id: s.id, name: s.name, licence: s.licence, url: s.url,
      people: data.people.filter((p) => p.src.includes(s.id)).length,
      tenures: data.tenures.filter((t) => t.src === s.id).length,
    })),
  };
}

// At most once a day, when the worker wakes anyway: no alarm, no extra wake-up.
void checkForUpdates(true).catch(() => undefined);

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (!trusted(sender) || !isBackgroundRequest(msg)) return undefined; // ignore foreign and malformed messages
  return handle(msg, sender);
});

/** The keyboard path (manifest "commands", rebindable in the browser): next or previous mention in the active tab. */
browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
  const by = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (!by) return;
  void (async () => {
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await browser.tabs.sendMessage(id, { type: 'step', by }).catch(() => undefined);
  })();
});
