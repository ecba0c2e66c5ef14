/** The permission set is pinned: any change is deliberate and shows up here. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8'));

describe('manifest', () => {
  it('asks for storage and scripting (to load the card on first hover), and host access to web pages only', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });
  it('asks for no tabs, webRequest, history or other broad permission, and lets no page or extension connect', () => {
    const all = [...manifest.permissions, ...(manifest.host_permissions ?? [])];
    for (const p of ['tabs', 'webRequest', 'webRequestBlocking', 'history', 'cookies', '<all_urls>', 'debugger', 'nativeMessaging']) expect(all).not.toContain(p);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
  it('keeps the default strict content security policy for extension pages', () => {
    expect(manifest.content_security_policy).toBeUndefined();
  });
  it('runs the content script in top frames of web pages only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts[0].all_frames).toBe(false);
  });
});
