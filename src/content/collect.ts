/**
 * Collecting a page's readable text. Shared by the content script and the CLI
 * (which runs it on a parsed HTML file), so offsets mean the same in both.
 * Uses only standard DOM interfaces of the nodes it is given; no globals.
 */
import type { PageMeta } from '../core/articleDate';

/** Elements whose text is not article text, or belongs to the reader. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP', 'BUTTON']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'TR', 'TABLE', 'ARTICLE', 'SECTION', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'BODY', 'FORM', 'FIELDSET', 'ADDRESS', 'HR', 'BR']);

/** Tag of Nameplate's own mention wrapper. */
export const MENTION_TAG = 'NP-MENTION';
export const OWN_ATTR = 'data-nameplate';

export interface TextMap {
  /** The page text: text nodes concatenated, blocks separated by a blank line. */
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  offsets: number[];
  /** Where the article body's text lies, when the page marks a body. */
  body?: [number, number];
}

/** The element holding the article itself, as pages mark it. */
export function articleBody(doc: Document): Element | null {
  return doc.querySelector('[itemprop="articleBody"]') ?? doc.querySelector('article') ?? doc.querySelector('main, [role="main"]');
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase()) || el.tagName.toUpperCase() === MENTION_TAG || el.hasAttribute(OWN_ATTR)) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** Text nodes under `root` in document order, outside skipped regions. Lazy, so callers can pause. */
export function* textNodes(root: Node): Generator<Text> {
  const stack: Node[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      if ((node as Text).data) yield node as Text;
    } else if (node.nodeType === 1 && !skipped(node as Element) && node.firstChild) {
      stack.push(node);
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling && stack.length) node = stack.pop()!;
    node = node ? node.nextSibling : null;
  }
}

/** Builds a TextMap node by node: blocks are separated by a blank line. */
export class TextMapBuilder {
  readonly map: TextMap = { text: '', nodes: [], offsets: [] };
  private lastBlock: Node | null = null;
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly bodyEl: Element | null = null) {}

  add(node: Text): void {
    const block = blockOf(node);
    if (block !== this.lastBlock && this.length) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    this.lastBlock = block;
    this.map.nodes.push(node);
    this.map.offsets.push(this.length);
    if (this.bodyEl?.contains(node)) {
      const start = this.map.body?.[0] ?? this.length;
      this.map.body = [start, this.length + node.data.length];
    }
    this.parts.push(node.data);
    this.length += node.data.length;
  }

  finish(): TextMap {
    this.map.text = this.parts.join('');
    return this.map;
  }
}

function blockOf(n: Node): Node | null {
  for (let p = n.parentNode; p; p = p.parentNode) if (p.nodeType === 1 && BLOCK.has((p as Element).tagName.toUpperCase())) return p;
  return null;
}

/** Walk `root` in document order collecting text nodes outside skipped regions. */
export function collectText(root: Node, bodyEl: Element | null = null): TextMap {
  const builder = new TextMapBuilder(bodyEl);
  for (const node of textNodes(root)) builder.add(node);
  return builder.finish();
}

/** The bits of a document that say when it was published. */
export function collectMeta(doc: Document, url?: string): PageMeta {
  const jsonLd = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? '').slice(0, 50);
  const metas: [string, string][] = [];
  for (const m of Array.from(doc.querySelectorAll('meta')).slice(0, 500)) {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop');
    const content = m.getAttribute('content');
    if (key && content) metas.push([key, content.slice(0, 200)]);
  }
  const times = Array.from(doc.querySelectorAll('time[datetime]'), (t) => t.getAttribute('datetime') ?? '').slice(0, 50);
  const lang = doc.documentElement?.getAttribute('lang')?.slice(0, 20) || undefined;
  return { url, jsonLd, metas, times, ...(lang ? { lang } : {}) };
}
