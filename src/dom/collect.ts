/**
 * Collecting a page's readable text (src/dom/: DOM code shared by the content script and the
 * CLI, which runs it on a parsed HTML file, so offsets mean the same in both; the CLI never
 * imports the content script's own code). Uses only standard DOM interfaces of the nodes it is
 * given; no globals.
 */
import type { PageMeta } from '../core/articleDate';

/** Elements whose text is not article text, or belongs to the reader. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP', 'BUTTON']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'TR', 'TABLE', 'ARTICLE', 'SECTION', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'BODY', 'FORM', 'FIELDSET', 'ADDRESS', 'HR', 'BR']);

/** Tag of Nameplate's own mention wrapper. */
export const MENTION_TAG = 'NP-MENTION';
export const OWN_ATTR = 'data-nameplate';

/** Text nodes as they were read, with where each one starts in the page text. */
export interface NodeRun {
  nodes: Text[];
  /** Offset of each node's first character in the page text. */
  offsets: number[];
  /** Each node's text when it was read (a node that changed since is left alone). */
  data: string[];
}

/**
 * The page's readable text: text nodes concatenated, blocks separated by a
 * blank line. Kept as pieces, so a page-side caller can take the text of a run
 * of nodes without ever building one string of a 10 MB page.
 */
export class TextMap implements NodeRun {
  readonly nodes: Text[] = [];
  readonly offsets: number[] = [];
  readonly data: string[] = [];
  /** Where the article body's text lies, when the page marks a body. */
  body?: [number, number];
  length = 0;
  /** Node texts and the blank lines between blocks, in order. */
  private readonly pieces: string[] = [];
  /** Index in `pieces` of each node's text. */
  private readonly pieceOf: number[] = [];
  private joined: string | undefined;

  /** The whole text (built on first use). */
  get text(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  /** The text from node `first` to node `last` inclusive. */
  textOf(first: number, last: number): string {
    return this.pieces.slice(this.pieceOf[first], this.pieceOf[last] + 1).join('');
  }

  /** Nodes `first` to `last` inclusive. */
  run(first: number, last: number): NodeRun {
    return { nodes: this.nodes.slice(first, last + 1), offsets: this.offsets.slice(first, last + 1), data: this.data.slice(first, last + 1) };
  }

  /** Append a blank line (between blocks). */
  separate(): void {
    this.pieces.push('\n\n');
    this.length += 2;
  }

  append(node: Text, data = node.data): void {
    this.nodes.push(node);
    this.offsets.push(this.length);
    this.data.push(data);
    this.pieceOf.push(this.pieces.length);
    this.pieces.push(data);
    this.length += data.length;
    this.joined = undefined;
  }
}

/** The element holding the article itself, as pages mark it. */
export function articleBody(doc: Document): Element | null {
  return doc.querySelector('[itemprop="articleBody"]') ?? doc.querySelector('article') ?? doc.querySelector('main, [role="main"]');
}

function skipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase(); // one DOM call: each costs more than the string work
  if (SKIP.has(tag) || tag === MENTION_TAG || el.hasAttribute(OWN_ATTR)) return true;
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
    let next: Node | null = node.nextSibling;
    while (!next && stack.length) next = stack.pop()!.nextSibling;
    node = next;
  }
}

/** Builds a TextMap node by node: blocks are separated by a blank line. */
export class TextMapBuilder {
  readonly map = new TextMap();
  private lastBlock: Node | null = null;
  // Text nodes come in runs under the same parent: its block and whether it is in the body are looked up once.
  private lastParent: Node | null = null;
  private parentBlock: Node | null = null;
  private parentInBody = false;

  constructor(private readonly bodyEl: Element | null = null) {}

  add(node: Text): void {
    const map = this.map;
    const parent = node.parentNode;
    if (parent !== this.lastParent || !parent) {
      this.lastParent = parent;
      this.parentBlock = blockOf(node);
      this.parentInBody = !!this.bodyEl?.contains(node);
    }
    const block = this.parentBlock;
    if (block !== this.lastBlock && map.length) map.separate();
    this.lastBlock = block;
    const data = node.data;
    if (this.parentInBody) map.body = [map.body?.[0] ?? map.length, map.length + data.length];
    map.append(node, data);
  }

  finish(): TextMap {
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
