/** The Firefox build: its manifest, and `web-ext lint` (what addons.mozilla.org runs on upload). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { ROOT } from '../e2e/harness';
import { DIST_FIREFOX, isPreactInnerHtml, webExtLint } from './firefox';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = read(join(ROOT, 'package.json'));
const firefox = read(join(DIST_FIREFOX, 'manifest.json'));
const chrome = read(join(ROOT, 'dist', 'manifest.json'));

describe('dist-firefox/manifest.json', () => {
  it('is MV3 with an event-page background and Gecko settings', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(readdirSync(DIST_FIREFOX)).toContain(firefox.background.scripts[0]);
    const gecko = firefox.browser_specific_settings.gecko;
    expect(gecko.id).toBe('nameplate@nameplate.example');
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(128);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('takes its version from package.json, as the Chrome build does', () => {
    expect(firefox.version).toBe(pkg.version);
    expect(chrome.version).toBe(pkg.version);
  });

  it('differs from the Chrome manifest only in the background and the Gecko settings', () => {
    const { background: _fb, browser_specific_settings: _bss, ...restFirefox } = firefox;
    const { background: _cb, ...restChrome } = chrome;
    expect(restFirefox).toEqual(restChrome);
    expect(firefox.web_accessible_resources).toBeUndefined();
  });
});

describe('web-ext lint --source-dir dist-firefox', () => {
  it('finds no errors, no notices, and no warnings in Nameplate’s own code', async () => {
    const report = await webExtLint(DIST_FIREFOX);
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.notices).toEqual([]);
    // Left: Preact's dangerouslySetInnerHTML support, bundled with Preact (see isPreactInnerHtml).
    const ours = report.warnings.filter((w) => !isPreactInnerHtml(DIST_FIREFOX, w));
    expect(ours).toEqual([]);
  });
});
