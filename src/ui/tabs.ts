/** Talking to the content script of the active tab, from the popup. */
import browser from 'webextension-polyfill';
import type { ContentRequest, PageSummaryResponse } from '../messages';

/** The active tab's id (no `tabs` permission needed: we never read its URL). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function askTab(tabId: number, msg: ContentRequest): Promise<PageSummaryResponse | boolean | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, msg)) as PageSummaryResponse | boolean;
  } catch {
    return undefined; // no content script there (browser pages, store pages, not yet loaded)
  }
}
