/**
 * Content script: collects the page's text, asks the background who is named
 * in it, wraps the mentions and shows the card on hover or keyboard focus.
 * Work runs in short slices; content added later is annotated in batches.
 */
import type { Annotation } from '../core/annotate';
import type { AnnotateRequest, AnnotateResponse, PageSummaryResponse } from '../messages';
import { isContentRequest } from '../messages';
import { MENTION_TAG, OWN_ATTR, TextMapBuilder, articleBody, collectMeta, textNodes, type TextMap } from '../dom/collect';
import type { DisplayPrefs } from '../core/settings';
import type { CardActions, CardHost, CardModel } from './card-api';
import { HoverController, type Card } from './hover';
import { PageState } from './page';
import { Slicer } from './slicer';
import { DEFER_ABOVE_CHARS, DeferredWraps } from './deferred';
import { fallbackCard } from './tooltip';
import { unwrapAll, unwrapRef, wrapSpans, type Span } from './wrap';

const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
const BATCH_MS = 400;
const MAX_BATCH_CHARS = 2_000_000;
const BENCH = location.hash.includes('nameplate-bench');

const page = new PageState();
let status: 'pending' | 'annotated' | 'disabled' = 'pending';
let hover: HoverController | undefined;
let cardHost: Promise<CardHost> | undefined;
let display: DisplayPrefs = { marks: 'underline', delayMs: 350, theme: 'auto' };
let observer: MutationObserver | undefined;
let pageUrl = location.href;
const deferred = new DeferredWraps(document);

/** Read the text under `roots` in slices. */
async function collect(roots: Node[], slicer: Slicer): Promise<TextMap> {
  const builder = new TextMapBuilder(articleBody(document));
  let count = 0;
  for (const root of roots) {
    for (const node of textNodes(root)) {
      builder.add(node);
      if (++count % 64 === 0) await slicer.pause();
    }
  }
  return builder.finish();
}

/** Text sent per request: big pages go in pieces, so no message, answer or wrap step is ever huge. */
const CHUNK_CHARS = 200_000;

/** One pass: read, ask the background, wrap. `roots` is the whole body on the first pass. */
async function annotate(roots: Node[], slicer: Slicer): Promise<number> {
  const map = await collect(roots, slicer);
  if (BENCH) performance.mark(`nameplate:collected busy=${slicer.elapsedMs.toFixed(2)}`);
  if (!map.data.some((d) => d.trim())) return 0;
  const defer = map.length > DEFER_ABOVE_CHARS;
  let wrapped = 0;
  for (let first = 0; first < map.nodes.length && status !== 'disabled'; ) {
    // The next run of whole text nodes up to about CHUNK_CHARS characters.
    const from = map.offsets[first];
    let last = first;
    while (last + 1 < map.nodes.length && map.offsets[last + 1] - from < CHUNK_CHARS) last++;
    const to = map.offsets[last] + map.data[last].length;
    wrapped += await annotateRange(map, first, last, from, to, slicer, defer);
    first = last + 1;
  }
  return wrapped;
}

/** One piece: ask, then wrap now, or (`defer`, huge pages) as the text nears the viewport. Returns the mentions wrapped now. */
async function annotateRange(map: TextMap, first: number, last: number, from: number, to: number, slicer: Slicer, defer: boolean): Promise<number> {
  const base = page.summary();
  const request: AnnotateRequest = {
    type: 'annotate',
    text: map.textOf(first, last),
    meta: base ? { jsonLd: [], metas: [], times: [] } : collectMeta(document, location.href),
    known: page.known,
    // Later pieces and later content use the date the first piece found.
    ...(base ? { date: base.date } : {}),
    ...(map.body && map.body[1] > from && map.body[0] < to ? { body: [Math.max(0, map.body[0] - from), Math.min(to, map.body[1]) - from] as [number, number] } : {}),
  };
  slicer.endSlice();
  const res = (await ext.runtime.sendMessage(request)) as AnnotateResponse | undefined;
  slicer.resume();
  if (BENCH) performance.mark('nameplate:answered');
  if (!res) return 0;
  if (!res.ok) {
    status = 'disabled';
    return 0;
  }
  page.add(res.annotation);
  applyDisplay(res.display);
  status = 'annotated';
  const spans = spansOf(res.annotation).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
  const piece = map.run(first, last);
  if (defer) {
    deferred.add(piece, spans);
    return 0;
  }
  const before = slicer.elapsedMs;
  const created = await wrapSpans(document, piece, spans, slicer);
  if (BENCH) performance.mark(`nameplate:wrapped busy=${(slicer.elapsedMs - before).toFixed(2)}`);
  return created.length;
}

function spansOf(a: Annotation): Span[] {
  return [
    ...a.people.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'person' as const }))),
    ...a.pledges.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'pledge' as const }))),
  ];
}

function applyDisplay(prefs: DisplayPrefs): void {
  display = prefs;
  const root = document.documentElement;
  if (prefs.marks === 'underline') root.removeAttribute('data-nameplate-marks');
  else root.setAttribute('data-nameplate-marks', prefs.marks);
}

/** The full card is loaded on first use (it is most of Nameplate's page-side code); the plain one stands in if that fails. */
function loadCardHost(): Promise<CardHost> {
  cardHost ??= (async () => {
    if (!globalThis.__nameplateCard) {
      try {
        await ext.runtime.sendMessage({ type: 'load-card' });
      } catch {
        // no scripting access here: the fallback card below
      }
    }
    return (globalThis.__nameplateCard ?? fallbackCard)(document);
  })();
  return cardHost;
}

const actions: CardActions = {
  notThisPerson(personId) {
    hover?.close();
    void ext.runtime.sendMessage({ type: 'hide-person', personId });
    unwrapRef(personId);
    deferred.dropRef(personId);
    page.remove(personId);
  },
  dontMarkSite() {
    void ext.runtime.sendMessage({ type: 'site-state', host: location.host, enabled: false });
    stop();
  },
};

function modelFor(el: HTMLElement): CardModel | undefined {
  const a = page.summary();
  const ref = el.getAttribute('data-ref') ?? '';
  const person = page.person(ref);
  const pledge = person ? undefined : page.pledge(ref);
  if (!a || (!person && !pledge)) return undefined;
  const base = { date: a.date, dateDetail: a.dateDetail, asOf: a.asOf };
  return person
    ? { ...base, kind: 'person', person, pledges: person.pledges.map((id) => page.pledge(id)).filter((x) => !!x) }
    : { ...base, kind: 'pledge', pledge: pledge! };
}

let shown: CardHost | undefined;
const card: Card = {
  get id() {
    return shown?.id ?? '';
  },
  get visible() {
    return !!shown?.visible;
  },
  async show(el) {
    const model = modelFor(el);
    if (!model) return false;
    shown = await loadCardHost();
    shown.show(el, model, display, actions);
    return true;
  },
  hide: () => shown?.hide(),
  contains: (target) => !!shown?.contains(target),
};

// ---------------------------------------------------------------------------
// Content added later (infinite scroll, single-page apps): batched, bounded, and blind to our own nodes.

let pending: Node[] = [];
let batchTimer = 0;

function ours(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.tagName === MENTION_TAG || el.hasAttribute(OWN_ATTR) || !!el.closest(`${MENTION_TAG.toLowerCase()},[${OWN_ATTR}]`));
}

function onMutations(records: MutationRecord[]): void {
  for (const r of records) {
    for (const n of r.addedNodes) if (!ours(n) && (n.nodeType === 1 || n.nodeType === 3)) pending.push(n);
    if (r.type === 'characterData' && !ours(r.target)) pending.push(r.target);
  }
  if (pending.length && !batchTimer) batchTimer = window.setTimeout(flush, BATCH_MS);
}

async function flush(): Promise<void> {
  batchTimer = 0;
  if (status === 'disabled') return;
  if (location.href !== pageUrl) {
    // A single-page app moved to another article: its date and people start afresh.
    pageUrl = location.href;
    pending = [];
    deferred.clear();
    page.reset();
    await run();
    return;
  }
  // Keep only the outermost nodes still in the page, and bound the batch.
  const roots: Node[] = [];
  let chars = 0;
  const batch = pending;
  pending = [];
  for (const n of batch) {
    if (!n.isConnected || roots.some((r) => r.contains(n))) continue;
    const parent = n.nodeType === 3 ? n.parentNode : n;
    if (!parent) continue;
    chars += (n.textContent ?? '').length;
    if (chars > MAX_BATCH_CHARS) {
      pending.push(n); // the rest waits for the next batch
      continue;
    }
    roots.push(n.nodeType === 3 ? (n.parentNode as Node) : n);
  }
  if (roots.length) {
    const slicer = new Slicer();
    await annotate(roots.filter((r, i) => !roots.some((o, j) => j !== i && o.contains(r))), slicer);
    slicer.endSlice();
    if (BENCH) performance.mark(`nameplate:batch busy=${slicer.busyMs.toFixed(2)} roots=${roots.length}`);
  }
  if (pending.length && !batchTimer) batchTimer = window.setTimeout(flush, BATCH_MS);
}

// ---------------------------------------------------------------------------

async function run(): Promise<void> {
  const slicer = new Slicer();
  if (BENCH) performance.mark('nameplate:start');
  const wrapped = await annotate([document.body], slicer);
  slicer.endSlice();
  if (BENCH) performance.mark(`nameplate:done busy=${slicer.busyMs.toFixed(2)} longest=${slicer.longestSliceMs.toFixed(2)} wrapped=${wrapped} deferred=${deferred.size}`);
  if (status === 'disabled') return;
  hover ??= new HoverController(document, () => card, () => ({ showDelayMs: display.delayMs, hideGraceMs: 300 }));
  if (!observer) {
    observer = new MutationObserver(onMutations);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
}

/** Switched off for this site: put the page back exactly as it was, and stop watching it. */
function stop(): void {
  status = 'disabled';
  observer?.disconnect();
  observer = undefined;
  hover?.destroy();
  hover = undefined;
  deferred.clear();
  unwrapAll();
  page.reset();
}

function reveal(personId: string): boolean {
  deferred.wrapRef(personId);
  const el = document.querySelector(`${MENTION_TAG.toLowerCase()}[data-ref="${CSS.escape(personId)}"]`);
  if (!(el instanceof HTMLElement)) return false;
  el.scrollIntoView({ block: 'center' });
  el.style.setProperty('outline', '2px solid #f5b400', 'important');
  setTimeout(() => el.style.removeProperty('outline'), 1500);
  return true;
}

function summary(): PageSummaryResponse {
  const a = page.summary();
  if (status === 'annotated' && a) return { host: location.host, state: 'annotated', annotation: a };
  return { host: location.host, state: status === 'annotated' ? 'pending' : status };
}

ext.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id || !isContentRequest(msg)) return undefined;
  if (msg.type === 'page-summary') sendResponse(summary());
  else if (msg.type === 'reveal') sendResponse(reveal(msg.personId));
  else if (msg.type === 'stop') sendResponse((stop(), true));
  return undefined;
});

/** Start once the page's own start-up work is done, so Nameplate never competes with it. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0)));
}

whenIdle()
  .then(run)
  .catch(() => {
    // The worker can be unavailable (extension updated or reloaded); the page must never notice.
  });
