/**
 * Vite plugin: drop `web_accessible_resources` from the built manifest.
 * crxjs lists scripts that are injected with chrome.scripting.executeScript
 * there, but injection does not need it, and any listed file lets every page
 * probe for Nameplate (fingerprinting). The extension exposes nothing to pages.
 */
import type { Plugin } from 'vite';

export function noWebAccessibleResources(): Plugin {
  return {
    name: 'nameplate:no-web-accessible-resources',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle['manifest.json'];
        if (!asset || asset.type !== 'asset') return;
        const manifest = JSON.parse(String(asset.source));
        delete manifest.web_accessible_resources;
        asset.source = JSON.stringify(manifest, null, 2);
      },
    },
  };
}
