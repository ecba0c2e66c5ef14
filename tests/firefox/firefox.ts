/**
 * Real-Firefox harness: Debian's firefox-esr, headless, driven by puppeteer-core
 * over WebDriver BiDi, with dist-firefox/ installed as a temporary add-on.
 * Pages come from the Chromium harness's 127.0.0.1 server (`serve()`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../e2e/harness';
import { waitForMarks } from '../e2e/marks';
import { GECKO_ID } from '../../src/platform/manifest';

export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Pinned moz-extension:// host, so the tests know the popup's address (Firefox picks a random one otherwise). */
export const UUID = '5e1f0c2a-7d4b-4c1e-9a3f-2b6d8e0f1a7c';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** The raw WebDriver BiDi channel puppeteer drives Firefox with (not part of its public API). */
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface Firefox {
  browser: Browser;
  bidi: BidiChannel;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets BiDi navigate a tab to a moz-extension:// page (the popup); without it Firefox refuses
    // ("Navigation to moz-extension://… is not allowed in this context"). Test browsers only.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  const bidi = (browser as unknown as { connection?: BidiChannel }).connection;
  if (!bidi || typeof bidi.send !== 'function') throw new Error('puppeteer-core no longer exposes its BiDi connection: update cardText()');
  const id = await browser.installExtension(DIST_FIREFOX); // a temporary add-on, gone when the profile is
  if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  return { browser, bidi, close: () => browser.close() };
}

/** Open a page and wait until Nameplate has marked at least one mention. */
export async function openAnnotated(ff: Firefox, url: string, requests: string[]): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(url);
  await waitForMarks(page);
  return page;
}

/** The BiDi browsing-context id of a top-level page, found by its URL. */
async function contextOf(ff: Firefox, page: Page): Promise<string> {
  const { result } = (await ff.bidi.send('browsingContext.getTree', { maxDepth: 0 })) as { result: { contexts: { context: string; url: string }[] } };
  const hit = result.contexts.find((c) => c.url === page.url());
  if (!hit) throw new Error(`no browsing context for ${page.url()}`);
  return hit.context;
}

type Serialized = { type: string; sharedId?: string; value?: { shadowRoot?: Serialized | null; attributes?: Record<string, string> } };

/**
 * The text of Nameplate's card, or null while it is hidden or absent. The card
 * lives in a closed shadow root, which page scripts cannot reach; WebDriver
 * BiDi serializes closed shadow roots when asked (`includeShadowTree: 'all'`),
 * and the returned reference can be handed back to a function that reads it.
 * (The Chromium tests do the same through the DevTools protocol.)
 */
export async function cardText(ff: Firefox, page: Page): Promise<string | null> {
  const target = { context: await contextOf(ff, page) };
  const host = (await ff.bidi.send('script.evaluate', {
    expression: 'document.querySelector("nameplate-card:not([hidden])")',
    target, awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as { result: { type: string; result: Serialized } };
  const root = host.result.result.value?.shadowRoot;
  if (host.result.result.type !== 'node' || !root?.sharedId) return null;
  const text = (await ff.bidi.send('script.callFunction', {
    functionDeclaration: String((root: Node) => {
      const out: string[] = [];
      const walk = (n: Node) => {
        if (n.nodeType === 3) out.push(n.nodeValue ?? '');
        if (n.nodeName === 'STYLE') return;
        n.childNodes.forEach(walk);
      };
      root.childNodes.forEach(walk);
      return out.join(' ');
    }),
    arguments: [{ sharedId: root.sharedId }],
    target, awaitPromise: false,
  })) as { result: { type: string; result: { type: string; value?: string } } };
  if (text.result.type !== 'success' || text.result.result.type !== 'string') throw new Error(`could not read the card: ${JSON.stringify(text.result)}`);
  return text.result.result.value!.replace(/\s+/g, ' ').trim();
}

export interface ExtensionTab {
  context: string;
  /** Evaluate `expression` in the page and return its JSON value. */
  value<T>(expression: string): Promise<T>;
}

/**
 * Open one of Nameplate's pages (popup, options) in a new tab that stays in the
 * background, so the tab that was active (the article) is still the active tab
 * of the window, as it is when the reader clicks the toolbar button. The popup
 * asks for exactly that tab (`tabs.query({ active: true, currentWindow: true })`).
 */
export async function openExtensionPage(ff: Firefox, path: string): Promise<ExtensionTab> {
  const created = (await ff.bidi.send('browsingContext.create', { type: 'tab', background: true })) as { result: { context: string } };
  const { context } = created.result;
  await ff.bidi.send('browsingContext.navigate', { context, url: `${EXTENSION_ORIGIN}/${path}`, wait: 'complete' });
  return {
    context,
    async value<T>(expression: string): Promise<T> {
      const r = (await ff.bidi.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context }, awaitPromise: true })) as {
        result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
      };
      if (r.result.type !== 'success') throw new Error(`${expression}: ${r.result.exceptionDetails?.text}`);
      return JSON.parse(r.result.result?.value ?? 'null') as T;
    },
  };
}

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
export interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}

/** `web-ext lint --output json` on an unpacked extension, as a child process (no update check). */
export function webExtLint(dir: string): Promise<LintReport> {
  const bin = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [bin, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
        try {
          resolvePromise(JSON.parse(stdout) as LintReport);
        } catch {
          reject(new Error(`web-ext lint gave no JSON report (${error?.message ?? 'no error'}): ${stderr || stdout}`));
        }
      },
    );
  });
}

/**
 * Lint warnings that come from bundled libraries, not from Nameplate: Preact's
 * `dangerouslySetInnerHTML` support (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`),
 * which the linter flags wherever Preact is bundled (the shared jsxRuntime chunk
 * and the self-contained card bundle). Nameplate never passes that prop.
 */
export function isPreactInnerHtml(dir: string, w: LintMessage): boolean {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || w.column === undefined) return false;
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  return /\w+\.innerHTML=\w+\.__html/.test(line.slice(Math.max(0, w.column - 40), w.column + 60));
}
