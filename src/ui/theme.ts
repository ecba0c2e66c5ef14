/** The popup's and options page's colour theme: the reader's setting, else the system's (prefers-color-scheme). */
import type { Settings } from '../core/settings';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
