/**
 * `npm run package`: store-ready zips of the built extension, one per browser,
 * into packages/ (or `--out DIR`): packages/nameplate-<browser>-<version>.zip,
 * with manifest.json at the root, plus LICENSE and THIRD_PARTY_NOTICES.md.
 * It zips what `npm run build` and `npm run build:firefox` wrote; the npm
 * script runs both builds first. Deterministic: sorted entries, fixed dates.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { OUT_DIR, type TargetBrowser } from '../src/platform/manifest';

const ROOT = resolve(import.meta.dirname, '..');
/** Files from the repository root that every package carries. */
const NOTICES = ['LICENSE', 'THIRD_PARTY_NOTICES.md'];
const BUILD_COMMAND: Record<TargetBrowser, string> = { chrome: 'npm run build', firefox: 'npm run build:firefox' };
// Zip entries carry DOS dates (from 1980, local time); a fixed one keeps the archives reproducible.
const MTIME = new Date(2026, 0, 1, 0, 0, 0);

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.')) // no .DS_Store, .vite/ and the like
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function packageName(browser: TargetBrowser, version: string): string {
  return `nameplate-${browser}-${version}.zip`;
}

function build(browser: TargetBrowser, version: string, outDir: string): { file: string; entries: number; bytes: number } {
  const dir = join(ROOT, OUT_DIR[browser]);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(`${OUT_DIR[browser]}/ has no manifest.json: run \`${BUILD_COMMAND[browser]}\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) fail(`${OUT_DIR[browser]}/manifest.json is version ${manifest.version}, package.json ${version}: run \`${BUILD_COMMAND[browser]}\` again`);
  const isFirefox = !!manifest.browser_specific_settings?.gecko;
  if (isFirefox !== (browser === 'firefox')) fail(`${OUT_DIR[browser]}/ does not hold a ${browser} build: run \`${BUILD_COMMAND[browser]}\``);

  const entries: Zippable = {};
  for (const path of walk(dir).sort()) entries[relative(dir, path).split('\\').join('/')] = readFileSync(path);
  for (const name of NOTICES) {
    const path = join(ROOT, name);
    if (!existsSync(path)) fail(`${name} is missing at the repository root`);
    entries[name] = readFileSync(path);
  }
  // What the stores look at first must be there.
  const required = ['manifest.json', `_locales/${manifest.default_locale}/messages.json`, ...Object.values<string>(manifest.icons)];
  for (const name of required) if (!entries[name]) fail(`${OUT_DIR[browser]}/${name} is missing`);

  const zip = zipSync(entries, { level: 9, mtime: MTIME });
  const file = join(outDir, packageName(browser, version));
  writeFileSync(file, zip);
  return { file, entries: Object.keys(entries).length, bytes: zip.length };
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : join(ROOT, 'packages'));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(outDir, { recursive: true });
  for (const browser of ['chrome', 'firefox'] as const) {
    const { file, entries, bytes } = build(browser, version, outDir);
    console.log(`${relative(process.cwd(), file) || file}  ${entries} files  ${(bytes / 1024).toFixed(1)} kB`);
  }
}

main();
