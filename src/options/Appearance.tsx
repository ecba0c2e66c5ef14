/** Options › Appearance: how mentions look, the card's delay and theme. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { t } from '../ui/i18n';
import { Section, type Save } from './common';

// Appearance

export function Appearance({ settings, save }: { settings: Settings; save: Save }) {
  const [status, setStatus] = useState<string>();
  const [delay, setDelay] = useState(settings.delayMs);
  // While the slider moves, its own value wins; it is saved once it rests.
  const moving = useRef(0);
  useEffect(() => {
    if (!moving.current) setDelay(settings.delayMs);
  }, [settings.delayMs]);
  const saveDelay = (ms: number) => {
    setDelay(ms);
    clearTimeout(moving.current);
    moving.current = window.setTimeout(() => {
      moving.current = 0;
      void apply({ delayMs: ms });
    }, 250);
  };

  const apply = async (patch: Partial<Settings>) => {
    const r = await save(patch);
    setStatus(r.ok ? t('saved') : r.error);
  };

  return (
    <Section id="appearance" title={t('appearanceTitle')}>
      <fieldset>
        <legend>{t('marksLegend')}</legend>
        {(['underline', 'background', 'none'] as const).map((m) => (
          <label class="check" key={m}>
            <input type="radio" name="marks" value={m} checked={settings.marks === m} onChange={() => apply({ marks: m })} />
            <span class={`sample marks-${m}`}>{t(`marks_${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <p class="range">
        <label for="delay">{t('delayLabel')}</label>
        <input
          id="delay" type="range" min={150} max={1500} step={50} value={Math.min(1500, Math.max(150, delay))} aria-describedby="delay-value"
          aria-valuetext={t('msValue', delay)}
          onInput={(e) => saveDelay(Number(e.currentTarget.value))}
        />
        <output id="delay-value" for="delay">{t('msValue', delay)}</output>
      </p>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        {(['auto', 'light', 'dark'] as const).map((th) => (
          <label class="check" key={th}>
            <input type="radio" name="theme" value={th} checked={settings.theme === th} onChange={() => apply({ theme: th })} />
            {t(`theme_${th}`)}
          </label>
        ))}
      </fieldset>
      <p role="status" class="ok">{status ?? ''}</p>
    </Section>
  );
}
