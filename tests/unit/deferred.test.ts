// @vitest-environment happy-dom
/** Deferred wrapping on huge pages: held until the element nears the viewport, wrapped once, forgettable. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectText } from '../../src/dom/collect';
import { DeferredWraps } from '../../src/content/deferred';
import type { Span } from '../../src/content/wrap';

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** The browser reports these elements (in)visible. */
  report(els: Element[], isIntersecting = true) {
    this.callback(els.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry));
  }
}

const realObserver = globalThis.IntersectionObserver;
beforeEach(() => {
  (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
  document.body.innerHTML = '<p id="a">Rishi Sunak spoke.</p><p id="b">Later, James Cleverly and Rishi Sunak met.</p>';
});
afterEach(() => {
  (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = realObserver;
});

function spansFor(text: string): Span[] {
  const spans: Span[] = [];
  for (const [name, ref] of [['Rishi Sunak', 'p-sunak'], ['James Cleverly', 'p-cleverly']] as const) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) spans.push({ start: i, end: i + name.length, ref, kind: 'person' });
  }
  return spans;
}

const marks = (id: string) => Array.from(document.querySelectorAll(`#${id} np-mention`), (m) => m.textContent);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('DeferredWraps', () => {
  it('wraps nothing until an element is reported near the viewport, then that element only, once', async () => {
    const map = collectText(document.body);
    const d = new DeferredWraps(document);
    d.add(map, spansFor(map.text));
    expect(document.querySelectorAll('np-mention')).toHaveLength(0);
    expect(d.size).toBe(2);
    const b = document.getElementById('b')!;
    FakeObserver.last!.report([document.getElementById('a')!], false); // leaving the margin does nothing
    FakeObserver.last!.report([b]);
    await tick();
    expect(marks('b')).toEqual(['James Cleverly', 'Rishi Sunak']);
    expect(marks('a')).toEqual([]);
    expect(FakeObserver.last!.targets.has(b)).toBe(false);
    FakeObserver.last!.report([b]); // reported again: nothing is wrapped twice
    await tick();
    expect(marks('b')).toEqual(['James Cleverly', 'Rishi Sunak']);
    expect(d.size).toBe(1);
  });

  it('wraps everything it holds at once when asked (the keyboard or the popup needs every mention)', () => {
    const map = collectText(document.body);
    const d = new DeferredWraps(document);
    d.add(map, spansFor(map.text));
    d.wrapAll();
    expect(marks('b')).toEqual(['James Cleverly', 'Rishi Sunak']);
    expect(marks('a')).toEqual(['Rishi Sunak']);
    expect(d.size).toBe(0);
  });

  it('forgets a person the reader rejected, and everything on clear', async () => {
    const map = collectText(document.body);
    const d = new DeferredWraps(document);
    d.add(map, spansFor(map.text));
    d.dropRef('p-sunak');
    FakeObserver.last!.report([document.getElementById('a')!, document.getElementById('b')!]);
    await tick();
    expect(marks('a')).toEqual([]);
    expect(marks('b')).toEqual(['James Cleverly']);
    d.add(collectText(document.getElementById('a')!), spansFor('Rishi Sunak spoke.'));
    d.clear();
    expect(d.size).toBe(0);
    expect(FakeObserver.last!.targets.size).toBe(0);
  });

  it('leaves a node the page changed since it was read', async () => {
    const map = collectText(document.body);
    const d = new DeferredWraps(document);
    d.add(map, spansFor(map.text));
    (document.getElementById('a')!.firstChild as Text).data = 'Rishi Sunak resigned.';
    FakeObserver.last!.report([document.getElementById('a')!]);
    await tick();
    expect(marks('a')).toEqual([]);
  });
});
