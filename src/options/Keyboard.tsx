/** Options › Keyboard: the shortcuts for moving from name to name, as the browser has them bound now. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { Section } from './common';

interface Bound {
  name: string;
  shortcut: string;
}

/** Where the reader rebinds them: Chromium has a page for it, Firefox a menu in the add-ons manager. */
const IS_FIREFOX = typeof navigator !== 'undefined' && /Firefox\//.test(navigator.userAgent);

export function Keyboard() {
  const [bound, setBound] = useState<Bound[]>();
  useEffect(() => {
    browser.commands?.getAll().then(
      (all) => setBound(all.filter((c) => c.name === 'next-mention' || c.name === 'previous-mention').map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '' }))),
      () => setBound([]),
    );
  }, []);
  const keys = (name: string) => bound?.find((b) => b.name === name)?.shortcut || t('keyboardUnset');
  return (
    <Section id="keyboard" title={t('keyboardTitle')}>
      <p>{t('keyboardIntro')}</p>
      <dl class="keys">
        <dt><kbd>{keys('next-mention')}</kbd></dt>
        <dd>{t('keyboardNext')}</dd>
        <dt><kbd>{keys('previous-mention')}</kbd></dt>
        <dd>{t('keyboardPrevious')}</dd>
        <dt><kbd>Esc</kbd></dt>
        <dd>{t('keyboardEscape')}</dd>
      </dl>
      <p class="muted">{t(IS_FIREFOX ? 'keyboardChangeFirefox' : 'keyboardChangeChrome')}</p>
    </Section>
  );
}
