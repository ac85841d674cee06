import { LitElement, css, html, nothing } from 'lit';
import type { SimStatus } from './api-types.ts';
import { nameOf } from './api-types.ts';
import { clock } from './format.ts';
import { baseStyles } from './styles.ts';

/** Connection state of the panel to the simulator. */
export type Link = 'connecting' | 'up' | 'down';

/** The header: connection state, mode, seed, scenario, clients, events/s, uptime. */
export class TiksimStatusBar extends LitElement {
  static override properties = {
    status: { attribute: false },
    link: { attribute: false },
    eventsPerSec: { attribute: false },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      header {
        display: flex; align-items: center; gap: 18px; padding: 10px 18px;
        background: linear-gradient(180deg, #141722, #10131b); border-bottom: 1px solid var(--line);
      }
      .brand { display: flex; align-items: center; gap: 10px; font-weight: 800; font-size: 16px; letter-spacing: -0.01em; }
      .logo { width: 26px; height: 26px; border-radius: 7px; position: relative;
        background: conic-gradient(from 200deg, var(--cyan), var(--pink), var(--cyan)); }
      .logo::after { content: ''; position: absolute; inset: 6px; border-radius: 50%; background: #10131b; }
      .brand small { color: var(--muted); font-weight: 500; font-size: 12px; }
      .stats { display: flex; gap: 8px; flex-wrap: wrap; margin-left: auto; }
      .stat { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 10px; display: flex; flex-direction: column; min-width: 70px; }
      .stat span { font-size: 10px; text-transform: uppercase; letter-spacing: 0.1em; color: var(--muted); }
      .stat b { font-size: 14px; font-variant-numeric: tabular-nums; }
      @media (max-width: 720px) {
        /* A phone: the stats go under the brand as a wrapping row, not a column beside it. */
        header { flex-wrap: wrap; gap: 8px 12px; padding: 8px 10px; }
        .stats { margin-left: 0; width: 100%; gap: 5px; }
        /* Each chip as wide as its value (a nine-digit seed, "generate"), growing to fill its row, never narrower. */
        .stat { min-width: 0; flex: 1 0 auto; padding: 3px 7px; }
        .stat b { white-space: nowrap; }
        .stat b { font-size: 13px; }
      }
      .link { display: flex; align-items: center; gap: 7px; font-weight: 600; padding: 5px 12px; border-radius: 999px; border: 1px solid var(--line); }
      .dot { width: 9px; height: 9px; border-radius: 50%; background: var(--muted); }
      .up .dot { background: var(--ok); box-shadow: 0 0 10px var(--ok); }
      .down { color: var(--bad); border-color: #5a2430; background: #2a1118; }
      .down .dot { background: var(--bad); animation: blink 1s infinite; }
      .connecting .dot { background: var(--warn); }
      .mode-replay { color: var(--cyan); }
      .paused { color: var(--warn); }
      @keyframes blink { 50% { opacity: 0.2; } }
    `,
  ];

  declare status: SimStatus | null;
  declare link: Link;
  declare eventsPerSec: number;

  constructor() {
    super();
    this.status = null;
    this.link = 'connecting';
    this.eventsPerSec = 0;
  }

  override render() {
    const s = this.status;
    const linkText = { up: 'Connected', down: 'Disconnected', connecting: 'Connecting…' }[this.link];
    const mode = s ? (s.mode === 'replay' ? 'replay' : s.paused ? 'paused' : 'generate') : '–';
    return html`<header>
      <div class="brand"><div class="logo" aria-hidden="true"></div>tiksim <small>control panel</small></div>
      <div class="link ${this.link}" role="status" aria-label="Connection: ${linkText}"><span class="dot"></span>${linkText}</div>
      <div class="stats">
        <div class="stat"><span>Mode</span><b class="mode-${mode}" data-testid="mode">${mode}</b></div>
        <div class="stat"><span>Seed</span><b class="mono" data-testid="seed">${s?.seed ?? '–'}</b></div>
        <div class="stat"><span>Scenario</span><b data-testid="scenario">${s ? (s.scenario === null ? 'none' : nameOf(s.scenario) || 'custom') : '–'}</b></div>
        <div class="stat"><span>Clients</span><b data-testid="clients">${s?.clients ?? '–'}</b></div>
        <div class="stat"><span>Events/s</span><b data-testid="eps">${s ? this.eventsPerSec.toFixed(1) : '–'}</b></div>
        <div class="stat"><span>Sent</span><b>${s ? s.sent.total.toLocaleString() : '–'}</b></div>
        <div class="stat"><span>Uptime</span><b class="mono">${s ? clock(s.uptimeMs) : '–'}</b></div>
        ${s?.stallMs ? html`<div class="stat paused"><span>Stalled</span><b>${Math.ceil(s.stallMs / 1000)} s</b></div>` : nothing}
      </div>
    </header>`;
  }
}
customElements.define('tiksim-status-bar', TiksimStatusBar);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-status-bar': TiksimStatusBar;
  }
}
