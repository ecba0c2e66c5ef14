/** `npm run package`: store-ready zips for both browsers; the Firefox one passes web-ext lint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../e2e/harness';
import { isPreactInnerHtml, webExtLint } from './firefox';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let out: string;
const zips: Record<'chrome' | 'firefox', Record<string, Uint8Array>> = { chrome: {}, firefox: {} };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'nameplate-package-'));
  // The packaging step alone (the npm script builds first; the test run already built both).
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/package.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
  for (const browser of ['chrome', 'firefox'] as const) zips[browser] = unzipSync(readFileSync(join(out, `nameplate-${browser}-${pkg.version}.zip`)));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(['chrome', 'firefox'] as const)('nameplate-%s-<version>.zip', (browser) => {
  it('has manifest.json at the root, the icons, the locales and the licence notices', () => {
    const names = Object.keys(zips[browser]);
    for (const name of ['manifest.json', '_locales/en/messages.json', '_locales/fr/messages.json', 'LICENSE', 'THIRD_PARTY_NOTICES.md']) expect(names).toContain(name);
    const manifest = JSON.parse(new TextDecoder().decode(zips[browser]['manifest.json']));
    for (const icon of Object.values<string>(manifest.icons)) expect(names).toContain(icon);
    expect(names.every((n) => !n.startsWith('/') && !n.split('/').includes('..') && !n.split('/').some((part) => part.startsWith('.')))).toBe(true);
    expect(manifest.version).toBe(pkg.version);
    if (browser === 'chrome') expect(manifest.background.service_worker).toBeTruthy();
    else expect(manifest.browser_specific_settings.gecko.id).toBe('nameplate@nameplate.example');
  });
});

describe('the packages’ notices', () => {
  it('THIRD_PARTY_NOTICES.md names every runtime dependency, with its licence', () => {
    const notices = new TextDecoder().decode(zips.firefox['THIRD_PARTY_NOTICES.md']);
    for (const name of Object.keys(pkg.dependencies)) {
      const { license } = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
      expect(notices).toMatch(new RegExp(`\\| ${name.replace(/[/@.-]/g, '\\$&')} \\| [^|]+ \\| ${license} \\|`));
    }
  });
});

describe('the Firefox zip', () => {
  it('passes web-ext lint with no errors', async () => {
    const dir = join(out, 'firefox-unpacked');
    for (const [name, data] of Object.entries(zips.firefox)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const report = await webExtLint(dir);
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => !isPreactInnerHtml(dir, w))).toEqual([]);
  });
});
