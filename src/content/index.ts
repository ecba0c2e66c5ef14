/**
 * Content script: collects the page's text, asks the background who is named
 * in it, wraps the mentions and shows the card on hover or keyboard focus.
 */
import type { Annotation } from '../core/annotate';
import type { AnnotateRequest, AnnotateResponse, PageSummaryResponse } from '../messages';
import { isContentRequest } from '../messages';
import { MENTION_TAG, collectMeta, collectText } from './collect';
import { Tooltip } from './tooltip';
import { wrapSpans, type Span } from './wrap';

const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
const SHOW_DELAY_MS = 350;
const HIDE_GRACE_MS = 300;

let state: PageSummaryResponse = { host: location.host, state: 'pending' };
let tooltip: Tooltip | undefined;
let showTimer = 0;
let hideTimer = 0;
let current: HTMLElement | null = null;

async function run(): Promise<void> {
  const map = collectText(document.body);
  if (!map.text.trim()) return;
  const request: AnnotateRequest = { type: 'annotate', text: map.text, meta: collectMeta(document, location.href) };
  const res = (await ext.runtime.sendMessage(request)) as AnnotateResponse | undefined;
  if (!res) return;
  if (!res.ok) {
    state = { host: location.host, state: 'disabled' };
    return;
  }
  const a = res.annotation;
  state = { host: location.host, state: 'annotated', annotation: a };
  const spans: Span[] = [
    ...a.people.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'person' as const }))),
    ...a.pledges.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'pledge' as const }))),
  ];
  for (const el of wrapSpans(document, map, spans)) {
    el.tabIndex = 0;
    const s = el.style;
    s.setProperty('text-decoration', 'underline dotted', 'important');
    s.setProperty('text-underline-offset', '2px', 'important');
    s.setProperty('cursor', 'help', 'important');
  }
  listen(a);
}

function mentionOf(target: EventTarget | null): HTMLElement | null {
  const el = target instanceof Element ? target.closest(MENTION_TAG.toLowerCase()) : null;
  return el instanceof HTMLElement ? el : null;
}

function show(el: HTMLElement, a: Annotation): void {
  clearTimeout(hideTimer);
  tooltip ??= new Tooltip(document);
  const ref = el.getAttribute('data-ref');
  const person = a.people.find((p) => p.id === ref);
  const pledge = person ? undefined : a.pledges.find((p) => p.id === ref);
  if (person) tooltip.showPerson(el, person, a);
  else if (pledge) tooltip.showPledge(el, pledge, a);
  else return;
  current?.removeAttribute('aria-describedby');
  current = el;
  el.setAttribute('aria-describedby', tooltip.id);
}

function hide(): void {
  clearTimeout(showTimer);
  tooltip?.hide();
  current?.removeAttribute('aria-describedby');
  current = null;
}

function scheduleHide(): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, HIDE_GRACE_MS);
}

function listen(a: Annotation): void {
  document.addEventListener('mouseover', (e) => {
    const el = mentionOf(e.target);
    if (el) {
      clearTimeout(hideTimer);
      clearTimeout(showTimer);
      if (el !== current) showTimer = window.setTimeout(() => show(el, a), SHOW_DELAY_MS);
    } else if (tooltip?.contains(e.target)) {
      clearTimeout(hideTimer);
    } else if (current || showTimer) {
      scheduleHide();
    }
  });
  document.addEventListener('focusin', (e) => {
    const el = mentionOf(e.target);
    if (el) show(el, a);
  });
  document.addEventListener('focusout', (e) => {
    if (mentionOf(e.target)) hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tooltip?.visible) hide();
  });
}

function reveal(personId: string): boolean {
  const el = document.querySelector(`${MENTION_TAG.toLowerCase()}[data-ref="${CSS.escape(personId)}"]`);
  if (!(el instanceof HTMLElement)) return false;
  el.scrollIntoView({ block: 'center' });
  el.style.setProperty('outline', '2px solid #f5b400', 'important');
  setTimeout(() => el.style.removeProperty('outline'), 1500);
  return true;
}

ext.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id || !isContentRequest(msg)) return undefined;
  if (msg.type === 'page-summary') sendResponse(state);
  else sendResponse(reveal(msg.personId));
  return undefined;
});

run().catch(() => {
  // The worker can be unavailable (extension updated or reloaded); the page must never notice.
});
