/**
 * Content script: collects the page's text, asks the background who is named
 * in it, marks the mentions (CSS highlights; wrapped elements only where the
 * browser lacks them) and shows the card on hover, touch or the keyboard commands.
 * Work runs in short slices; content the page adds or re-renders is annotated in batches.
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
import { fallbackCard } from './tooltip';
import type { Marks, Mention, Span } from './marks';
import { HighlightMarks } from './highlights';
import { WrapMarks } from './wrap-marks';

const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
/** Content the page adds or re-renders: a small change is read again soon, bursts are throttled. */
const SOON_MS = 40;
const BURST_MS = 400;
const SMALL_CHARS = 20_000;
const MAX_BATCH_CHARS = 2_000_000;
const BENCH = location.hash.includes('nameplate-bench');

const page = new PageState();
let status: 'pending' | 'annotated' | 'disabled' = 'pending';
let hover: HoverController | undefined;
let cardHost: Promise<CardHost> | undefined;
let display: DisplayPrefs = { marks: 'underline', delayMs: 350, theme: 'auto' };
let observer: MutationObserver | undefined;
let pageUrl = location.href;
const marks: Marks = HighlightMarks.supported() ? new HighlightMarks(document) : new WrapMarks(document);

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
  if (roots[0] === document.body) marks.setPageSize(map.length);
  let wrapped = 0;
  for (let first = 0; first < map.nodes.length && status !== 'disabled'; ) {
    // The next run of whole text nodes up to about CHUNK_CHARS characters.
    const from = map.offsets[first];
    let last = first;
    while (last + 1 < map.nodes.length && map.offsets[last + 1] - from < CHUNK_CHARS) last++;
    const to = map.offsets[last] + map.data[last].length;
    wrapped += await annotateRange(map, first, last, from, to, slicer);
    first = last + 1;
  }
  return wrapped;
}

/** One piece: ask, then mark. Returns the mentions marked now. */
async function annotateRange(map: TextMap, first: number, last: number, from: number, to: number, slicer: Slicer): Promise<number> {
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
  if (!res || status === 'disabled') return 0; // switched off while the worker answered: it stays off
  if (!res.ok) {
    status = 'disabled';
    return 0;
  }
  page.add(res.annotation);
  applyDisplay(res.display);
  status = 'annotated';
  const spans = spansOf(res.annotation).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
  const before = slicer.elapsedMs;
  const marked = await marks.add(map.run(first, last), spans, slicer);
  if (BENCH) performance.mark(`nameplate:wrapped busy=${(slicer.elapsedMs - before).toFixed(2)}`);
  return marked;
}

function spansOf(a: Annotation): Span[] {
  return [
    ...a.people.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'person' as const }))),
    ...a.pledges.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'pledge' as const }))),
  ];
}

function applyDisplay(prefs: DisplayPrefs): void {
  if (prefs.marks !== display.marks) marks.setStyle(prefs.marks);
  display = prefs;
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
    marks.dropRef(personId);
    page.remove(personId);
  },
  dontMarkSite() {
    void ext.runtime.sendMessage({ type: 'site-state', host: location.host, enabled: false });
    stop();
  },
};

function modelFor(ref: string): CardModel | undefined {
  const a = page.summary();
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
  async show(m: Mention, focus: boolean) {
    const model = modelFor(m.ref);
    const anchor = m.anchor();
    if (!model || !anchor) return false;
    shown = await loadCardHost();
    shown.show(anchor, model, display, actions, focus);
    return true;
  },
  hide: () => shown?.hide(),
  contains: (target) => !!shown?.contains(target),
};

// ---------------------------------------------------------------------------
// Content added later or re-rendered (infinite scroll, single-page apps, live pages): marks over
// changed text are dropped at once (before the next paint), and the text is read again soon for a
// small change, or throttled while Nameplate's own work would cost the page more than a tenth of its time.

let pending: Node[] = [];
let pendingChars = 0;
/** The first pass (or a single-page app's new article) is running: batches wait for it. */
let passing = false;
let batchTimer = 0;
/** Nameplate's main-thread time in recent batches, and the page's recent mutation records: [time, amount]. */
const recent: [number, number][] = [];
const changes: [number, number][] = [];
/** Above this many mutation records a second the page is in a burst (a ticker, a storm): batches wait longer. */
const BURST_RECORDS = 200;

const lastSecond = (list: [number, number][], now: number) => {
  while (list.length && list[0][0] < now - 1000) list.shift();
  return list.reduce((t, [, n]) => t + n, 0);
};

function ours(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.tagName === MENTION_TAG || el.hasAttribute(OWN_ATTR) || !!el.closest(`${MENTION_TAG.toLowerCase()},[${OWN_ATTR}]`));
}

function onMutations(records: MutationRecord[]): void {
  const changed: Node[] = [];
  for (const r of records) {
    if (ours(r.target)) continue;
    for (const n of r.addedNodes) {
      if (ours(n) || (n.nodeType !== 1 && n.nodeType !== 3)) continue;
      pending.push(n);
      pendingChars += n.nodeType === 3 ? (n as Text).length : SMALL_CHARS / 8; // an element's size is read at flush
    }
    for (const n of r.removedNodes) if (n.nodeType === 1 || n.nodeType === 3) changed.push(n);
    if (r.type === 'characterData') {
      changed.push(r.target);
      pending.push(r.target);
      pendingChars += (r.target as Text).length;
    }
  }
  if (changed.length && marks.size) marks.recheck(changed);
  changes.push([performance.now(), records.length]);
  schedule();
}

function schedule(): void {
  if (!pending.length || batchTimer || passing) return;
  const now = performance.now();
  const calm = pendingChars < SMALL_CHARS && lastSecond(recent, now) < 100 && lastSecond(changes, now) < BURST_RECORDS;
  batchTimer = window.setTimeout(flush, calm ? SOON_MS : BURST_MS);
}

async function flush(): Promise<void> {
  batchTimer = 0;
  if (status === 'disabled') return;
  if (location.href !== pageUrl) {
    // A single-page app moved to another article: its date and people start afresh.
    pageUrl = location.href;
    pending = [];
    pendingChars = 0;
    hover?.close();
    marks.clear();
    page.reset();
    await run();
    return;
  }
  // Keep only the outermost nodes still in the page, and bound the batch.
  const roots: Node[] = [];
  let chars = 0;
  const batch = pending;
  pending = [];
  pendingChars = 0;
  for (const n of batch) {
    if (!n.isConnected || roots.some((r) => r.contains(n))) continue;
    const parent = n.nodeType === 3 ? n.parentNode : n;
    if (!parent) continue;
    chars += (n.textContent ?? '').length;
    if (chars > MAX_BATCH_CHARS) {
      pending.push(n); // the rest waits for the next batch
      pendingChars = MAX_BATCH_CHARS;
      continue;
    }
    roots.push(n.nodeType === 3 ? (n.parentNode as Node) : n);
  }
  if (roots.length) {
    const slicer = new Slicer();
    await annotate(roots.filter((r, i) => !roots.some((o, j) => j !== i && o.contains(r))), slicer);
    slicer.endSlice();
    recent.push([performance.now(), slicer.busyMs]);
    if (BENCH) performance.mark(`nameplate:batch busy=${slicer.busyMs.toFixed(2)} roots=${roots.length}`);
  }
  schedule();
}

// ---------------------------------------------------------------------------

async function run(): Promise<void> {
  const slicer = new Slicer();
  if (BENCH) performance.mark('nameplate:start');
  // Watching from the start: text the page changes while the first pass runs loses its marks at once and is read again after it.
  passing = true;
  if (!observer) {
    observer = new MutationObserver(onMutations);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  const marked = await annotate([document.body], slicer);
  passing = false;
  slicer.endSlice();
  if (BENCH) performance.mark(`nameplate:done busy=${slicer.busyMs.toFixed(2)} longest=${slicer.longestSliceMs.toFixed(2)} wrapped=${marked}`);
  if (status === 'disabled') return stop();
  hover ??= new HoverController(document, () => marks, () => card, () => ({ showDelayMs: display.delayMs, hideGraceMs: 300 }));
  schedule();
}

/** Switched off for this site: put the page back exactly as it was, and stop watching it. */
function stop(): void {
  status = 'disabled';
  observer?.disconnect();
  observer = undefined;
  hover?.destroy();
  hover = undefined;
  marks.destroy();
  page.reset();
}

/** The popup's "show on page": the person's next mention, scrolled to, marked and its card open (focus stays in the popup). */
async function reveal(personId: string): Promise<boolean> {
  return !!(await hover?.step(1, { ref: personId, focus: false, fromTop: true }));
}

function summary(): PageSummaryResponse {
  const a = page.summary();
  if (status === 'annotated' && a) return { host: location.host, state: 'annotated', annotation: a };
  return { host: location.host, state: status === 'annotated' ? 'pending' : status };
}

ext.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id || !isContentRequest(msg)) return undefined;
  if (msg.type === 'page-summary') sendResponse(summary());
  else if (msg.type === 'reveal') {
    void reveal(msg.personId).then(sendResponse);
    return true;
  } else if (msg.type === 'step') void hover?.step(msg.by);
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
