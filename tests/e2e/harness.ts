/**
 * Real-browser harness: a static server on 127.0.0.1, Debian's Chromium with
 * the built extension loaded, and helpers to read Nameplate's closed-shadow card.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { waitForMarks } from './marks';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

/**
 * Where the suite saves a screenshot of a surface: test-results/screenshots/ (not
 * tracked) on every run, or README's docs/screenshots/ with UPDATE_SCREENSHOTS=1, so
 * that a plain `npm test` leaves the tracked files as it found them.
 */
export function screenshotPath(name: string): string {
  return join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : 'test-results', 'screenshots', name);
}

export interface Site {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/** Serve samples/, tests/fixtures/pages/ and any `extra` generated pages (path → HTML) from 127.0.0.1 on a free port. */
export async function serve(extra: Record<string, string> = {}): Promise<Site> {
  const roots: Record<string, string> = { '/samples/': join(ROOT, 'samples'), '/pages/': join(ROOT, 'tests', 'fixtures', 'pages') };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (extra[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(extra[url.pathname]);
      return;
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const file = prefix && normalize(join(roots[prefix], decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file || !file.startsWith(roots[prefix!]) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  cdpPort: number;
  /** Every URL any page, frame or worker of the browser requested. */
  requests: string[];
  close(): Promise<void>;
}

/** The same browser without the extension (for on-versus-off measurements). */
export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nameplate-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 800 },
  });
  return { context, close: async () => { await context.close(); rmSync(userDataDir, { recursive: true, force: true }); } };
}

export async function launch(dist = DIST): Promise<Browser> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'nameplate-e2e-'));
  const cdpPort = await freePort();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
      `--remote-debugging-port=${cdpPort}`,
    ],
    viewport: { width: 1100, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context, worker, extensionId, cdpPort, requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Open a page (after an optional init script in the page's world) and wait until Nameplate has marked at least one mention. */
export async function openAnnotated(b: Browser, url: string, initScript?: string): Promise<Page> {
  const page = await b.context.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  await waitForMarks(page);
  return page;
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The text of Nameplate's card, read through the DevTools protocol, which sees
 * into closed shadow roots. Returns null while the card is hidden or absent.
 */
export async function cardText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | undefined => {
      if (n.nodeName === 'NAMEPLATE-CARD') return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const host = find(root);
    if (!host || (host.attributes ?? []).includes('hidden')) return null;
    const texts: string[] = [];
    const collect = (n: CdpNode) => {
      if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
      if (n.nodeName === 'STYLE') return;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) collect(c);
    };
    collect(host);
    return texts.join(' ').replace(/\s+/g, ' ').trim();
  } finally {
    await cdp.detach();
  }
}

/** Poll until `fn` returns a truthy value (or throw after `ms`). */
export async function until<T>(fn: () => Promise<T>, ms = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
