import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { SimStatus, UserSpec } from './api-types.ts';
import { PollController } from './poll-controller.ts';
import { baseStyles } from './styles.ts';
import type { Link } from './tiksim-status-bar.ts';
import './tiksim-status-bar.ts';
import './tiksim-sender-picker.ts';
import './tiksim-gift-picker.ts';
import './tiksim-quick-events.ts';
import './tiksim-json-editor.ts';
import './tiksim-rates.ts';
import './tiksim-generation.ts';
import './tiksim-replay.ts';
import './tiksim-faults.ts';
import './tiksim-twitch.ts';
import './tiksim-live-log.ts';

/**
 * The control panel's shell: polls GET /api/status every second (connection state, events/s), holds the chosen
 * sender, and lays out Fire, Steer, Faults and the live log.
 */
export class TiksimPanel extends LitElement {
  static override properties = {
    status: { state: true },
    link: { state: true },
    eps: { state: true },
    sender: { state: true },
    senderLabel: { state: true },
    downSince: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; min-height: 100vh; background: var(--bg); }
      .banner {
        position: sticky; top: 0; z-index: 5; padding: 9px 18px; font-weight: 600;
        background: #3a1119; color: #ffd0d5; border-bottom: 1px solid #6a2232;
      }
      main {
        display: grid; gap: 14px; padding: 14px 18px 18px;
        grid-template-columns: minmax(0, 1fr) minmax(400px, 460px);
        grid-template-areas: 'fire steer' 'log log';
      }
      main.offline { opacity: 0.55; filter: grayscale(0.6); }
      .col { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
      .fire { grid-area: fire; }
      .steer { grid-area: steer; }
      tiksim-live-log { grid-area: log; }
      .fire-top { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px; }
      .card section + section { margin-top: 14px; padding-top: 14px; border-top: 1px solid var(--line); }
      h2 .unit { text-transform: none; letter-spacing: 0; font-weight: 500; margin-left: 6px; }
      .colhead { font-size: 12px; font-weight: 800; letter-spacing: 0.16em; text-transform: uppercase; margin: 0 0 -4px 2px; }
      .colhead.f { color: var(--pink); }
      .colhead.s { color: var(--cyan); }
      .colhead.x { color: var(--warn); }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
      @media (max-width: 1100px) {
        /* minmax(0, …): a card's widest content (four sender buttons in a row) must not widen the page past a phone. */
        main { grid-template-columns: minmax(0, 1fr); grid-template-areas: 'fire' 'steer' 'log'; }
        .pair { grid-template-columns: minmax(0, 1fr); }
      }
      @media (max-width: 480px) {
        main { padding: 10px 8px 14px; gap: 10px; }
      }
    `,
  ];

  declare status: SimStatus | null;
  declare link: Link;
  declare eps: number;
  declare sender: UserSpec;
  declare senderLabel: string;
  declare downSince: number | null;
  private last: { total: number; at: number } | null = null;
  private readonly statusPoll = new PollController(this, 1000, () => this.fetchStatus());

  constructor() {
    super();
    this.status = null;
    this.link = 'connecting';
    this.eps = 0;
    this.sender = { random: true };
    this.senderLabel = 'a random viewer';
    this.downSince = null;
  }

  private async fetchStatus(): Promise<void> {
    const r = await api.get<SimStatus>('/api/status');
    if (!r.ok) {
      if (r.status === 0 || r.status >= 500) {
        if (this.link !== 'down') this.downSince = Date.now();
        this.link = 'down';
        this.last = null;
      }
      return;
    }
    const wasDown = this.link === 'down';
    const now = performance.now();
    const s = r.value;
    if (this.last && s.sent.total >= this.last.total && now > this.last.at) {
      const inst = ((s.sent.total - this.last.total) * 1000) / (now - this.last.at);
      this.eps = this.eps === 0 ? inst : this.eps * 0.5 + inst * 0.5;
    }
    this.last = { total: s.sent.total, at: now };
    this.status = s;
    this.link = 'up';
    this.downSince = null;
    // After a simulator restart, lists (gifts, scenarios, recordings) may have changed: reload them.
    if (wasDown) this.reloadLists();
  }

  private reloadLists(): void {
    const root = this.renderRoot;
    void root.querySelector('tiksim-gift-picker')?.load();
    void root.querySelector('tiksim-generation')?.load();
    void root.querySelector('tiksim-replay')?.load();
  }

  private onFired(): void {
    this.renderRoot.querySelector('tiksim-live-log')?.refresh();
    this.statusPoll.poke();
  }

  override render() {
    const s = this.status;
    const down = this.link === 'down';
    return html`
      <tiksim-status-bar .status=${s} .link=${this.link} .eventsPerSec=${this.eps}></tiksim-status-bar>
      ${down
        ? html`<div class="banner" role="alert">
            ⚠ The simulator is not answering${this.downSince ? html` (since ${new Date(this.downSince).toLocaleTimeString()})` : nothing}. Retrying every
            second — start it again with <span class="mono">tiksim serve</span>; this page reconnects by itself.
          </div>`
        : nothing}
      <main
        class=${down ? 'offline' : ''}
        @sender-change=${(e: CustomEvent<{ user: UserSpec; label: string }>) => {
          this.sender = e.detail.user;
          this.senderLabel = e.detail.label;
        }}
        @tiksim-fired=${this.onFired}
        @tiksim-changed=${() => this.statusPoll.poke()}
      >
        <div class="col fire">
          <div class="colhead f">Fire</div>
          <tiksim-sender-picker></tiksim-sender-picker>
          <tiksim-gift-picker .sender=${this.sender} .senderLabel=${this.senderLabel}></tiksim-gift-picker>
          <div class="pair">
            <tiksim-quick-events .sender=${this.sender} .senderLabel=${this.senderLabel}></tiksim-quick-events>
            <tiksim-json-editor .sender=${this.sender}></tiksim-json-editor>
          </div>
        </div>
        <div class="col steer">
          <div class="colhead s">Steer</div>
          <div class="card">
            <section>
              <h2>Generation</h2>
              <tiksim-generation .status=${s}></tiksim-generation>
            </section>
            <section>
              <h2>Rates <span class="unit">events per second · seen</span></h2>
              <tiksim-rates .rates=${s?.rates ?? {}} .observed=${s?.ratesObserved?.byKind ?? {}} .scenario=${s?.scenario ?? null}></tiksim-rates>
            </section>
            <section>
              <h2>Replay</h2>
              <tiksim-replay .replay=${s?.replay ?? null} .paused=${s?.paused ?? false}></tiksim-replay>
            </section>
          </div>
          <div class="colhead x">Break things</div>
          <tiksim-faults></tiksim-faults>
          <tiksim-twitch></tiksim-twitch>
        </div>
        <tiksim-live-log></tiksim-live-log>
      </main>
    `;
  }
}
customElements.define('tiksim-panel', TiksimPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-panel': TiksimPanel;
  }
}
