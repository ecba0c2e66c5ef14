/**
 * Issue 16 in real Chromium: an extension built with a test update address (a server on
 * 127.0.0.1 standing in for it) and a throwaway signing key. A good update is applied and the
 * card shows a person only the update knows; every bad package is refused and the old data still
 * answers; updates switched off make no request; the only requests are plain GETs to that address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, cardText, launch, serve, until, type Browser, type Site } from './harness';
import { hoverMark, marks, waitForMarks } from './marks';
import { exportIndex, loadDataset, packDataset } from '../../src/core/dataset';
import type { Dataset } from '../../src/core/schema';
import { makeManifest, signManifest, toBase64, type Bytes } from '../../src/core/update/package';

const PORT = 47653;
const BASE = `http://127.0.0.1:${PORT}/data/v1/`;
const OUT = join(ROOT, 'dist-update-test');
const enc = (s: string) => new TextEncoder().encode(s) as Bytes;

let site: Site;
let browser: Browser;
let updateServer: Server;
/** What the update server serves now, by file name; `hang` never answers. */
let files: Record<string, Bytes | string | 'hang'> = {};
const served: { method: string; url: string; cookie?: string; referer?: string }[] = [];
let key: CryptoKeyPair;

/** A package of the bundled data plus one person only it knows, signed with the test key (or another). */
async function pkg(opts: { version: number; signWith?: CryptoKey; person?: string }) {
  const data = loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'))) as Dataset;
  const name = opts.person ?? 'Ottoline Quarrendon';
  data.people.push({ id: 'gb-test-update', name, country: 'GB', src: ['curated'] });
  data.tenures.push({ person: 'gb-test-update', title: 'Minister for Testing Updates', short: 'Minister for Testing Updates', country: 'GB', start: '2026-11-01', rank: 3, src: 'curated', url: 'https://example.org/test' });
  const dataset = enc(JSON.stringify(packDataset(data)));
  const index = enc(JSON.stringify(exportIndex(data)));
  const { bytes } = await makeManifest({ version: opts.version, built: '2026-12-06', asOf: '2026-12-06', sources: data.sources.map((s) => ({ id: s.id, name: s.name, licence: s.licence, asOf: s.asOf ?? null })) },
    [{ name: 'dataset.json', bytes: dataset }, { name: 'index.json', bytes: index }]);
  return { 'manifest.json': bytes, 'manifest.sig': await signManifest(bytes, opts.signWith ?? key.privateKey), 'dataset.json': dataset, 'index.json': index } as Record<string, Bytes | string>;
}

async function options(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.waitForSelector('#updates');
  return page;
}

async function checkNow(page: Page): Promise<string> {
  const before = await page.locator('#updates [role=status]').textContent();
  await page.getByRole('button', { name: 'Check now' }).click();
  return until(async () => {
    const now = await page.locator('#updates [role=status]').textContent();
    return now !== before && !(await page.getByRole('button', { name: 'Checking…' }).count()) ? now : null;
  }, 30_000, 'the check to finish');
}

async function marksOn(path: string): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}${path}`);
  await page.waitForTimeout(300);
  await waitForMarks(page).catch(() => undefined);
  const out = await marks(page);
  await page.close();
  return out;
}

const ARTICLE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Test</title>
<meta property="article:published_time" content="2026-12-01T09:00:00Z"></head>
<body><article><h1>Updates</h1><p>Ottoline Quarrendon met Keir Starmer in Downing Street on Monday.</p></article></body></html>`;

beforeAll(async () => {
  key = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey)));
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NP_UPDATE_URL: BASE, NP_UPDATE_PUBLIC_KEY: pub, NP_OUT_DIR: OUT },
  });
  if (built.status !== 0) throw new Error(`test build failed: ${built.stderr || built.stdout}`);
  updateServer = createServer((req, res) => {
    served.push({ method: req.method ?? '', url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer });
    const name = (req.url ?? '').replace('/data/v1/', '');
    const body = files[name];
    if (body === 'hang') return; // never answers: the worker's timeout must fire
    if (body === undefined) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': name.endsWith('.sig') ? 'text/plain' : 'application/json' }).end(body);
  });
  await new Promise<void>((r) => updateServer.listen(PORT, '127.0.0.1', r));
  site = await serve({ '/update-article.html': ARTICLE });
  browser = await launch(OUT);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((r) => updateServer?.close(r));
});

describe('data updates', () => {
  it('with updates switched off, makes no request, even on "Check now"', async () => {
    const page = await options();
    const box = page.getByLabel('Check for data updates (at most once a day)');
    try {
      // The worker's first wake checked once (the daily check); the server had nothing to offer.
      await until(async () => served.length >= 1, 10_000, 'the first daily check');
      await box.uncheck();
      const before = served.length;
      expect(await page.getByRole('button', { name: 'Check now' }).isDisabled()).toBe(true);
      // Ask the worker directly, as the page would: still nothing.
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'update-check' }));
      await page.waitForTimeout(500);
      expect(served.length).toBe(before);
    } finally {
      await box.check();
      await page.close();
    }
  });

  it('refuses every bad package with a clear status, and the bundled data still answers', async () => {
    const good = await pkg({ version: 2099010101 });
    const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const tampered = { ...good, 'dataset.json': enc(new TextDecoder().decode(good['dataset.json'] as Bytes).replace('Ottoline', 'Ottolina')) };
    const cases: [string, Record<string, Bytes | string | 'hang'>, RegExp][] = [
      ['404', {}, /not-found/],
      ['unsigned', { ...good, 'manifest.sig': undefined as unknown as string }, /unsigned/],
      ['signed by another key', await pkg({ version: 2099010101, signWith: other.privateKey }), /bad-signature/],
      ['tampered data', tampered, /hash-mismatch/],
      ['truncated', { ...good, 'index.json': (good['index.json'] as Bytes).slice(0, 1000) as Bytes }, /truncated/],
      ['oversized', { ...good, 'dataset.json': enc(new TextDecoder().decode(good['dataset.json'] as Bytes) + ' '.repeat(50)) }, /too-large/],
      ['older', await pkg({ version: 2020010101 }), /older/],
      ['malformed manifest', { ...good, 'manifest.json': enc('{"nope": true}'), 'manifest.sig': await signManifest(enc('{"nope": true}'), key.privateKey) }, /malformed-manifest/],
      ['timeout', { ...good, 'manifest.json': 'hang' }, /timeout/],
    ];
    const page = await options();
    for (const [what, serveNow, expected] of cases) {
      files = Object.fromEntries(Object.entries(serveNow).filter(([, v]) => v !== undefined));
      const status = await checkNow(page);
      expect(status, what).toMatch(expected);
      expect(status, what).toContain('unchanged');
    }
    expect(await page.locator('#updates').textContent()).toContain('the data bundled with this version');
    await page.close();
    expect(await marksOn('/update-article.html')).toEqual(['Keir Starmer']);
  }, 240_000);

  it('applies a good update: the card shows a person only the update knows', async () => {
    files = await pkg({ version: 2099010101 });
    const page = await options();
    expect(await checkNow(page)).toContain('version 2099010101 installed');
    expect(await page.locator('#updates').textContent()).toContain('downloaded update, version 2099010101');
    await page.close();
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/update-article.html`);
    await waitForMarks(article);
    expect(await marks(article)).toEqual(['Ottoline Quarrendon', 'Keir Starmer']);
    await hoverMark(article, 'Ottoline Quarrendon');
    expect(await until(() => cardText(article), 5000, 'the card')).toContain('Minister for Testing Updates');
    await article.close();
  }, 120_000);

  it('keeps the installed update when a later package is bad, and goes back to the bundled data on reset', async () => {
    files = { ...(await pkg({ version: 2099010102 })), 'index.json': enc('{ broken') };
    const page = await options();
    expect(await checkNow(page)).toMatch(/truncated|hash-mismatch|malformed-data/);
    expect(await page.locator('#updates').textContent()).toContain('downloaded update, version 2099010101');
    expect(await marksOn('/update-article.html')).toEqual(['Ottoline Quarrendon', 'Keir Starmer']);
    await page.getByRole('button', { name: 'Go back to the bundled data' }).click();
    await until(async () => ((await page.locator('#updates').textContent()) ?? '').includes('the data bundled with this version'), 10_000, 'the reset');
    // The package the reader went back from is not installed again by the next check.
    files = await pkg({ version: 2099010101 });
    expect(await checkNow(page)).toContain('the data is up to date');
    expect(await page.locator('#updates').textContent()).toContain('the data bundled with this version');
    await page.close();
    expect(await marksOn('/update-article.html')).toEqual(['Keir Starmer']);
  }, 120_000);

  it('wakes from the snapshot of its index, parsing nothing, and answers as before', async () => {
    const page = await options();
    await page.waitForTimeout(1500); // the snapshot is kept a second after loading
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    const info = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'dataset-info' }))) as { startup: { fromSnapshot: boolean }; people: number };
    expect(info.startup.fromSnapshot).toBe(true);
    expect(info.people).toBeGreaterThan(8000);
    await page.close();
    expect(await marksOn('/update-article.html')).toEqual(['Keir Starmer']);
  });

  it('made only plain GETs of the fixed file names at the one address: no query, no cookie, no referrer', () => {
    expect(served.length).toBeGreaterThan(10);
    for (const r of served) {
      expect(r.method).toBe('GET');
      expect(r.url).toMatch(/^\/data\/v1\/(manifest\.json|manifest\.sig|dataset\.json|index\.json)$/);
      expect(r.cookie).toBeUndefined();
      expect(r.referer).toBeUndefined();
    }
    const elsewhere = browser.requests.filter((u) => !/^(chrome-extension:|data:|about:)/.test(u) && !u.startsWith(site.origin) && !u.startsWith(BASE));
    expect(elsewhere).toEqual([]);
  });
});
