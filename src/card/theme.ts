/** Colours of parties and pledge statuses, and the card's stylesheet (inside its shadow root). */

const PARTY_COLOURS: [RegExp, string][] = [
  [/^Conservative/i, '#0087dc'], [/^Labour/i, '#e4003b'], [/Liberal Democrat/i, '#faa61a'], [/Scottish National|^SNP/i, '#fdf38e'],
  [/Reform UK/i, '#12b6cf'], [/^Green/i, '#02a95b'], [/Plaid/i, '#005b54'], [/Democratic Unionist|^DUP/i, '#d46a4c'], [/Sinn F/i, '#326760'],
  [/^Democrat/i, '#3333ff'], [/^Republican/i, '#e81b23'], [/Renaissance|Ensemble|^EPR/i, '#ffd600'], [/Républicains|^DR$/i, '#0066cc'],
  [/Rassemblement national|^RN$/i, '#0d378a'], [/insoumise|^LFI/i, '#cc2443'], [/Socialist|^SOC$|Parti socialiste/i, '#ed1651'],
  [/MoDem|Démocrate/i, '#ff9900'], [/Horizons/i, '#0001b8'], [/European People/i, '#3399ff'], [/Christian Democratic Union/i, '#151518'],
];

export function partyColour(party: string): string {
  return PARTY_COLOURS.find(([re]) => re.test(party))?.[1] ?? '#8a8f98';
}

export const STATUS_COLOURS: Record<string, string> = {
  kept: '#1e8e3e', broken: '#d93025', in_progress: '#e37400', abandoned: '#5f6368', hard_to_rate: '#1a73e8',
};

/** Every rule is scoped to the shadow root; :host rules resist hostile page CSS. */
export const CARD_CSS = `
/* Important rules in a shadow root beat the page's own important ones. The position comes in as custom
   properties on the host's style: "all" leaves custom properties alone. */
:host { all: initial !important; position: absolute !important; z-index: 2147483647 !important; display: block !important;
  left: var(--np-x, 0) !important; top: var(--np-y, 0) !important; width: max-content !important; direction: ltr !important; }
:host([hidden]) { display: none !important; }
.card { box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); padding: 12px 14px 10px; border-radius: 10px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); box-shadow: 0 8px 28px rgba(0,0,0,.22); text-align: left; unicode-bidi: isolate;
  --fg: #1d1f23; --muted: #5b616b; --bg: #fff; --line: #d5d8de; --chip: #eef0f3; --accent: #2455c3; }
.card.dark { --fg: #e8eaed; --muted: #a8adb5; --bg: #202124; --line: #3c4043; --chip: #3c4043; --accent: #8ab4f8; }
@media (prefers-color-scheme: dark) { .card.auto { --fg: #e8eaed; --muted: #a8adb5; --bg: #202124; --line: #3c4043; --chip: #3c4043; --accent: #8ab4f8; } }
h2 { font-size: 15px; font-weight: 650; margin: 0 0 2px; }
p { margin: 0; }
.now-name, .range, .muted { color: var(--muted); }
.role { font-weight: 550; }
.meta { margin-top: 3px; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.chip { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 1px solid rgba(0,0,0,.2); }
.now { margin-top: 6px; }
.stale { margin-top: 6px; color: var(--muted); font-style: italic; }
.section { margin-top: 8px; }
.section h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 2px; font-weight: 600; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 1px 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; color: #fff; margin: 0 4px; }
.foot { margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--line); font-size: 11px; color: var(--muted); }
.actions { margin-top: 6px; display: flex; gap: 8px; flex-wrap: wrap; }
button { all: unset; cursor: pointer; font-size: 11px; color: var(--accent); text-decoration: underline; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
`;
