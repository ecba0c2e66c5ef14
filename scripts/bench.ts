/**
 * npm run bench — Nameplate's cost, measured:
 *  - core throughput on generated news-like text (10 kB, 1 MB, 10 MB), side by side with
 *    compromise's people(), modern-ahocorasick over the same keys, and a RegExp alternation;
 *  - bundle sizes (raw and gzip) of the built extension;
 *  - in Chromium with the built extension: content-script main-thread time and longest task
 *    on pages of 1k, 10k and 100k words and 10 MB; service-worker cold wake to first answer;
 *    background heap after load.
 * Prints a table, then one JSON line with the named figures.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import nlp from 'compromise';
import AhoCorasick from 'modern-ahocorasick';
import { chromium } from 'playwright-core';
import { annotateArticle, loadIndex } from '../src/cli/run';
import { fold } from '../src/core/normalise';
import { ROOT, launch, launchPlain, serve } from '../tests/e2e/harness';
import { htmlPage, newsText } from './bench-text';
import { exportIndex, loadDataset, packDataset } from '../src/core/dataset';
import type { Dataset } from '../src/core/schema';

const index = loadIndex();
const figures: Record<string, number | string> = {};
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

// ---------------------------------------------------------------------------
// Generated news-like text: common words, capitalised places, and now and then a politician or a title.

/** Best of a few runs (ms), and the MB/s it means. */
function time(fn: () => unknown, bytes: number, runs: number): { ms: number; mbps: number } {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, mbps: bytes / 1e6 / (best / 1000) };
}

// ---------------------------------------------------------------------------

function coreThroughput() {
  const keys = readIndexKeys();
  const ac = new AhoCorasick(keys, { boundary: 'ascii' });
  const alternation = new RegExp(`\\b(?:${[...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g');
  row('core throughput (MB/s)', 'Nameplate matcher', 'Nameplate annotate', 'RegExp alternation', 'modern-ahocorasick', 'compromise people()');
  for (const [label, bytes] of [['10 kB', 10_000], ['100 kB', 100_000], ['1 MB', 1_000_000], ['10 MB', 10_000_000]] as const) {
    const text = newsText(bytes);
    const runs = bytes > 1e6 ? 2 : 5;
    const ours = time(() => index.matcher.find(text), bytes, runs);
    const full = time(() => annotateArticle({ text, meta: { jsonLd: [], metas: [], times: [] } }, '2024-01-31', index), bytes, runs);
    const folded = fold(text);
    const re = time(() => folded.match(alternation), bytes, runs);
    // modern-ahocorasick segments text with Intl.Segmenter, quadratic on Node 20: beyond 100 kB it would run for minutes.
    const aho = bytes <= 1e5 ? time(() => ac.search(folded, { strategy: 'leftmost-longest' }), bytes, 1) : undefined;
    const comp = bytes <= 1e6 ? time(() => nlp(text).people().out('array'), bytes, 1) : undefined;
    row(label, ours.mbps.toFixed(1), full.mbps.toFixed(1), re.mbps.toFixed(1), aho ? aho.mbps.toFixed(2) : 'not run (quadratic)', comp ? comp.mbps.toFixed(3) : 'not run (too slow)');
    if (bytes === 10_000_000) {
      figures.matcherMBps = +ours.mbps.toFixed(1);
      figures.annotateMBps = +full.mbps.toFixed(1);
    }
    if (bytes === 1_000_000 && comp) figures.compromiseRatio = Math.round(ours.mbps / comp.mbps);
  }
}

/** The matcher's keys (names, surnames, titles, pledge phrases), for the other matchers. */
function readIndexKeys(): string[] {
  const compiled = JSON.parse(readFileSync(join(ROOT, 'data', 'index.json'), 'utf8')) as { matcher: { tokens: string[]; parents: number[]; slots: number[] } };
  const { tokens, parents, slots } = compiled.matcher;
  const names: string[] = [];
  tokens.forEach((t, i) => names.push(parents[i] < 0 ? t : `${names[parents[i]]} ${t}`));
  return names.filter((_, i) => slots[i] >= 0);
}

// ---------------------------------------------------------------------------

function bundleSizes() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
  walk(join(ROOT, 'dist'));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8'));
  const size = (f: string) => {
    const b = readFileSync(f);
    return { raw: b.length, gz: gzipSync(b).length };
  };
  const js = files.filter((f) => f.endsWith('.js'));
  const content = size(join(ROOT, 'dist', manifest.content_scripts[0].js[0]));
  const sum = (list: string[]) => list.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  const background = sum(js.filter((f) => /index\.ts-|service-worker/.test(f)));
  const ui = sum(js.filter((f) => /index\.html-|jsxRuntime|browser-polyfill/.test(f)));
  row('bundle', 'raw kB', 'gzip kB');
  row('content script (before first hover)', (content.raw / 1024).toFixed(1), (content.gz / 1024).toFixed(1));
  row('background worker script', (background.raw / 1024).toFixed(0), (background.gz / 1024).toFixed(0));
  row('popup + options (shared chunks)', (ui.raw / 1024).toFixed(1), (ui.gz / 1024).toFixed(1));
  const data = sum(files.filter((f) => f.endsWith('.json') && f.includes(`${join('dist', 'assets')}`)));
  row('bundled data (dataset + compiled index, fetched by the worker)', (data.raw / 1024).toFixed(0), (data.gz / 1024).toFixed(0));
  figures.dataGzipBytes = data.gz;
  figures.contentScriptGzipBytes = content.gz;
  figures.backgroundGzipBytes = background.gz;
}

// ---------------------------------------------------------------------------

async function inChromium() {
  const pages: [string, string][] = [['1k words', htmlPage(1_000)], ['10k words', htmlPage(10_000)], ['100k words', htmlPage(100_000)], ['10 MB', htmlPage(10_000_000 / 6.2)]];
  const site = await serve(Object.fromEntries(pages.map(([, html], i) => [`/bench/${i}.html`, html])));
  const b = await launch();
  try {
    row('page (Chromium), median of runs', 'content main-thread ms (min–max)', 'of which: read text / mark ms', 'longest Nameplate slice ms', 'longest task after start ms', 'mentions marked');
    // Page loads on a 2-core machine are noisy (the browser's own processes preempt the page): several runs, the median.
    const runsFor: Record<string, number> = { '1k words': 7, '10k words': 7, '100k words': 3, '10 MB': 3 };
    for (const [i, [label]] of pages.entries()) {
      const runs: { busy: number; collect: number; wrap: number; longest: number; longTask: number; wrapped: number }[] = [];
      for (let r = 0; r < runsFor[label]; r++) runs.push(await loadOnce(b.context, `${site.origin}/bench/${i}.html#nameplate-bench`));
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const busy = median(runs.map((r) => r.busy));
      const longest = median(runs.map((r) => r.longest));
      const longTask = Math.max(...runs.map((r) => r.longTask)); // the worst run: a budget is about every load
      const range = `${Math.min(...runs.map((r) => r.busy)).toFixed(1)}–${Math.max(...runs.map((r) => r.busy)).toFixed(1)}`;
      row(`${label} (${runs.length} runs)`, `${busy.toFixed(2)} (${range})`, `${median(runs.map((r) => r.collect)).toFixed(2)} / ${median(runs.map((r) => r.wrap)).toFixed(2)}`, longest.toFixed(2), longTask.toFixed(0), String(runs[0].wrapped));
      if (label === '10k words') figures.contentMainThreadMs10kWords = +busy.toFixed(2);
      if (label === '10 MB') {
        figures.longestTaskMs10MB = +longTask.toFixed(0);
        figures.longestSliceMs10MB = +longest.toFixed(2);
      }
    }
    await coldWake(b);
    await renderCost(b.context, site.origin, pages.map(([label]) => label));
  } finally {
    await b.close();
    await site.close();
  }
  await coldWake3x();
}

/**
 * What the reader feels (issue 15): the renderer's total task time (style, layout, paint and
 * scripts: CDP Performance.getMetrics TaskDuration) with Nameplate minus without, the longest
 * task, and the DOM mutations Nameplate made to the page (a page-world MutationObserver), on
 * and off loaded alternately in the same run, medians of five loads each.
 */
async function renderCost(withExtension: Awaited<ReturnType<typeof launch>>['context'], origin: string, labels: string[]) {
  const plain = await launchPlain();
  row('renderer (Chromium), on minus off, median of 9 each (5 for 10 MB)', 'total task time added (ms)', 'longest task with Nameplate (ms)', 'DOM mutations before hover');
  try {
    for (const [i, label] of labels.entries()) {
      const on: { task: number; longest: number; mutations: number }[] = [];
      const off: { task: number; longest: number; mutations: number }[] = [];
      const runs = label === '10 MB' ? 5 : 9;
      for (let r = 0; r < runs; r++) {
        on.push(await rendererLoad(withExtension, `${origin}/bench/${i}.html#nameplate-bench`, true));
        off.push(await rendererLoad(plain.context, `${origin}/bench/${i}.html#nameplate-bench`, false));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const added = median(on.map((x) => x.task)) - median(off.map((x) => x.task));
      const longest = Math.max(...on.map((x) => x.longest));
      const mutations = median(on.map((x) => x.mutations));
      row(label, added.toFixed(0), longest.toFixed(0), String(mutations));
      const key = label === '10 MB' ? '10MB' : label === '10k words' ? '10kWords' : label === '100k words' ? '100kWords' : undefined;
      if (key) figures[`renderMsAdded${key}`] = +added.toFixed(0);
      if (label === '100k words') figures.longestTaskMs100kWords = +longest.toFixed(0);
      if (label === '10k words') figures.domMutationsBeforeHover10kWords = mutations;
    }
    // The measurement's own spread: the same page without Nameplate, two series of loads, one minus the other.
    const a: number[] = [];
    const b: number[] = [];
    const tenK = labels.indexOf('10k words');
    for (let r = 0; r < 9; r++) {
      a.push((await rendererLoad(plain.context, `${origin}/bench/${tenK}.html#nameplate-bench`, false)).task);
      b.push((await rendererLoad(plain.context, `${origin}/bench/${tenK}.html#nameplate-bench`, false)).task);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const spread = Math.abs(median(a) - median(b));
    row('control: 10k words, off minus off', spread.toFixed(0), '', '');
    figures.renderMsNoise10kWords = +spread.toFixed(0);
  } finally {
    await plain.close();
  }
}

const WAIT_FOR_DONE = `new Promise((resolve) => {
  const done = () => performance.getEntriesByType('mark').some((m) => m.name.startsWith('nameplate:done'));
  if (done()) return resolve();
  new PerformanceObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } }).observe({ type: 'mark' });
  setTimeout(resolve, 120000);
})`;

async function rendererLoad(context: Awaited<ReturnType<typeof launch>>['context'], url: string, nameplate: boolean) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __np: { mutations: number; long: number } };
    w.__np = { mutations: 0, long: 0 };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__np.long = Math.max(w.__np.long, e.duration)))).observe({ type: 'longtask', buffered: true });
    // Count from the load event on: the parser's own insertions are the page, not Nameplate (whose content script
    // runs at document_idle; marks already present at load are counted as one mutation each).
    addEventListener('load', () => {
      w.__np.mutations += document.querySelectorAll('np-mention').length;
      new MutationObserver((records) => (w.__np.mutations += records.length)).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { timeout: 120_000, waitUntil: 'load' });
  // One call whose promise settles on Nameplate's last mark, not waitForFunction: that polls the page every
  // frame, which is renderer task time too, and was counted on the "on" side only.
  if (nameplate) await page.evaluate(WAIT_FOR_DONE);
  // Let the frames that follow the last change render, with or without Nameplate alike.
  await page.waitForTimeout(1000);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const task = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const np = await page.evaluate(() => (window as unknown as { __np: { mutations: number; long: number } }).__np);
  await cdp.detach();
  await page.close();
  return { task, longest: np.long, mutations: np.mutations };
}

/** Load a page with the extension and read Nameplate's marks and the long tasks after its start. */
async function loadOnce(context: Awaited<ReturnType<typeof launch>>['context'], url: string) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __long: { start: number; duration: number }[] }).__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as unknown as { __long: { start: number; duration: number }[] }).__long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { timeout: 120_000 });
  const done = await page.waitForFunction(() => performance.getEntriesByType('mark').find((m) => m.name.startsWith('nameplate:done'))?.name, undefined, { timeout: 120_000 });
  const name = (await done.jsonValue()) as string;
  // Deferred wraps (huge pages) happen as text nears the viewport: give the first ones time to land, then count long tasks.
  await page.waitForTimeout(500);
  const longTask = await page.evaluate(() => {
    const start = performance.getEntriesByName('nameplate:start')[0]?.startTime ?? 0;
    return Math.max(0, ...(window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((t) => t.start + t.duration >= start).map((t) => t.duration));
  });
  // Phases: reading the page's text, and wrapping (summed over the pieces of a big page).
  const phases = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  const phase = (prefix: string) => phases.filter((n) => n.startsWith(prefix)).reduce((sum, n) => sum + +(/busy=([\d.]+)/.exec(n)?.[1] ?? 0), 0);
  await page.close();
  const num = (re: RegExp) => +(re.exec(name)?.[1] ?? 0);
  return { collect: phase('nameplate:collected'), wrap: phase('nameplate:wrapped'), busy: num(/busy=([\d.]+)/), longest: num(/longest=([\d.]+)/), wrapped: num(/wrapped=(\d+)/), longTask };
}

/**
 * The bundled data three times over (issue 16: the worker must wake fast with three times today's
 * data): every person twice more under another id and name, with their tenures; the index compiled
 * from it. Written into a copy of the built extension, in place of the bundled files.
 */
async function coldWake3x() {
  const out = join(ROOT, 'dist-bench-3x');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NP_OUT_DIR: out } });
  const data = loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'))) as Dataset;
  const copies = ['Alder', 'Birch'].map((tag) => ({
    people: data.people.map((p) => ({ ...p, id: `${p.id}-${tag}`, name: `${p.name.split(' ')[0]} ${tag}${p.name.split(' ').slice(1).join('')}`, aliases: (p.aliases ?? []).map((a) => ({ ...a, name: `${a.name} ${tag}` })) })),
    tenures: data.tenures.map((t) => ({ ...t, person: `${t.person}-${tag}` })),
  }));
  const triple: Dataset = { ...data, people: [...data.people, ...copies.flatMap((c) => c.people)], tenures: [...data.tenures, ...copies.flatMap((c) => c.tenures)] };
  const assets = readdirSync(join(out, 'assets'));
  const datasetFile = assets.find((f) => /^dataset-.*\.json$/.test(f))!;
  const indexFile = assets.find((f) => /^index-.*\.json$/.test(f))!;
  writeFileSync(join(out, 'assets', datasetFile), JSON.stringify(packDataset(triple)));
  writeFileSync(join(out, 'assets', indexFile), JSON.stringify(exportIndex(triple)));
  const raw = statSync(join(out, 'assets', datasetFile)).size + statSync(join(out, 'assets', indexFile)).size;
  row('service worker, 3× data', `data ${(raw / 1024 / 1024).toFixed(1)} MB raw (${triple.people.length} people, ${triple.tenures.length} tenures)`, '');
  const b = await launch(out);
  try {
    await coldWake(b, '3x');
  } finally {
    await b.close();
  }
}

/** Stop the service worker, then time an extension page's first message until the answer. */
async function coldWake(b: Awaited<ReturnType<typeof launch>>, scale: '' | '3x' = '') {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
  await page.waitForSelector('tr[data-source]');
  // The worker keeps a snapshot of its index a second after loading (src/core/snapshot.ts): a worker lives
  // at least 30 s after its last event, so every later wake finds it.
  await page.waitForTimeout(3000);
  const cdp = await b.context.newCDPSession(page);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
    times.push(await page.evaluate(async () => {
      const t = performance.now();
      await chrome.runtime.sendMessage({ type: 'annotate', text: 'Home Secretary James Cleverly met Rishi Sunak.', meta: { jsonLd: [], metas: [], times: [] } });
      return performance.now() - t;
    }));
  }
  times.sort((a, b) => a - b);
  const label = scale ? 'service worker, 3× data' : 'service worker';
  figures[`swColdWakeMs${scale}`] = +times[Math.floor(times.length / 2)].toFixed(0);
  row(label, 'cold wake → first answer, median of 5 (ms)', figures[`swColdWakeMs${scale}`]);
  const info = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'dataset-info' }))) as { startup: { dataLoadedAtMs: number; indexBuildMs: number; fromSnapshot: boolean } };
  row(label, `of which: worker start → data ready (ms)${info.startup.fromSnapshot ? ', from the snapshot' : ', parsed'}`, info.startup.dataLoadedAtMs);
  row(label, `of which: ${info.startup.fromSnapshot ? 'snapshot read and linked' : 'index built from compiled data'} (ms)`, info.startup.indexBuildMs);
  figures[`backgroundHeapMB${scale}`] = await backgroundHeap(b);
  row(label, 'JS heap after load (MB)', figures[`backgroundHeapMB${scale}`]);
  await page.close();
}

/** The worker's used JS heap, read through the DevTools protocol on the browser connection. */
async function backgroundHeap(b: Awaited<ReturnType<typeof launch>>): Promise<number> {
  await b.worker.evaluate(() => chrome.runtime.getManifest()); // make sure it is awake
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${b.cdpPort}`);
  try {
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(b.extensionId))!;
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<number>((resolve) => {
      session.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const msg = JSON.parse(e.message);
        if (msg.id === 1) resolve(msg.result.usedSize);
      });
    });
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return +((await answer) / 1024 / 1024).toFixed(1);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------

const started = Date.now();
// `npm run bench -- --only=page` runs the browser part alone (with a fresh build, for the sizes);
// `--only=core` the Node throughput part alone.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (!only || only === 'core') coreThroughput();
if (!only || only === 'page') bundleSizes();
if (!only || only === 'page') await inChromium();
const widths = rows.reduce((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), [] as number[]);
console.log(`Nameplate benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(JSON.stringify(figures));
