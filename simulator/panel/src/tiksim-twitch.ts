import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { ApiError } from './api-types.ts';
import { emit } from './events.ts';
import { PollController } from './poll-controller.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';

/** What the card reads of GET /api/twitch/status (the panel talks HTTP only; this mirrors simulator/twitch/status.ts). */
interface TwitchStatusView {
  wsUrl: string;
  tcp: string | null;
  pingMs: number;
  stalledMs: number;
  clients: { id: number; transport: string; nick: string | null; channels: string[] }[];
  channels: { name: string; clients: number }[];
  sent: { total: number };
  keepalive: { pingsSent: number; pongTimeouts: number; authFailures: number };
  scenario: { name: string; phase: string } | null;
}

/** A preset of GET /api/twitch/scenarios. */
interface TwitchPresetView {
  name: string;
  description: string;
}

/** `300000` → `5 min`, `2000` → `2 s`, `500` → `500 ms`. */
function interval(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}\u00a0min`;
  return ms >= 1000 ? `${ms / 1000}\u00a0s` : `${ms}\u00a0ms`;
}

/** One-click Twitch events: a POST /api/twitch/events body each. */
const QUICK: { label: string; body: Record<string, unknown> }[] = [
  { label: 'Chat', body: { kind: 'chat' } },
  { label: 'Cheer 100', body: { kind: 'cheer', bits: 100 } },
  { label: 'Sub', body: { kind: 'sub' } },
  { label: 'Resub', body: { kind: 'resub' } },
  { label: 'Gift sub', body: { kind: 'subgift' } },
  { label: 'Gift 5', body: { kind: 'submysterygift', count: 5 } },
  { label: 'Raid', body: { kind: 'raid' } },
  { label: 'Announce', body: { kind: 'announcement' } },
  { label: 'Timeout', body: { kind: 'clearchat' } },
  { label: 'Delete msg', body: { kind: 'clearmsg' } },
  { label: 'Slow mode', body: { kind: 'roomstate', slow: 30 } },
  { label: 'Slow off', body: { kind: 'roomstate', slow: 0 } },
];

/** The fake Twitch (`serve --twitch`): where it listens, who is connected, quick events and its faults. */
export class TiksimTwitch extends LitElement {
  static override properties = {
    status: { state: true },
    off: { state: true },
    text: { state: true },
    error: { state: true },
    flash: { state: true },
    presets: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(92px, 1fr)); gap: 6px; margin-top: 8px; }
      .row { display: flex; gap: 6px; margin-top: 8px; }
      .row input { flex: 1; }
      .meta { font-size: 12px; color: var(--muted); line-height: 1.5; }
      .row select { flex: 1; }
      .phase { align-self: center; white-space: nowrap; }
      .flash { color: var(--ok); font-size: 12px; margin-top: 6px; min-height: 17px; }
    `,
  ];

  declare status: TwitchStatusView | null;
  /** True when the server runs without --twitch (the API answers E_TWITCH_OFF). */
  declare off: boolean;
  declare text: string;
  declare error: ApiError | null;
  declare flash: string;
  declare presets: TwitchPresetView[];
  private readonly poll = new PollController(this, 2000, () => this.load());

  constructor() {
    super();
    this.status = null;
    this.off = false;
    this.text = '';
    this.error = null;
    this.flash = '';
    this.presets = [];
  }

  private async load(): Promise<void> {
    const r = await api.get<TwitchStatusView>('/api/twitch/status');
    this.off = !r.ok && r.error.code === 'E_TWITCH_OFF';
    this.status = r.ok ? r.value : null;
    if (r.ok && this.presets.length === 0) {
      const p = await api.get<{ scenarios: TwitchPresetView[] }>('/api/twitch/scenarios');
      if (p.ok) this.presets = p.value.scenarios;
    }
  }

  private async setScenario(name: string): Promise<void> {
    this.error = null;
    const r = await api.put<Record<string, unknown>>('/api/twitch/scenario', name === '' ? null : { name });
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.flash = name === '' ? '✓ scenario stopped' : `✓ scenario ${name}`;
    this.poll.poke();
  }

  private async post(path: string, body: Record<string, unknown>, done: string): Promise<void> {
    this.error = null;
    const r = await api.post<Record<string, unknown>>(path, body);
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.flash = `✓ ${done}`;
    emit(this, 'tiksim-changed', { what: path });
    this.poll.poke();
  }

  override render() {
    if (this.off) {
      return html`<h2>Twitch</h2><p class="meta">Not running: start the server with <span class="mono">tiksim serve --twitch</span>.</p>`;
    }
    const s = this.status;
    return html`
      <h2>Twitch</h2>
      ${s
        ? html`<div class="meta">
            <div class="mono">${s.wsUrl}${s.tcp ? html` · irc://${s.tcp}` : nothing}</div>
            <div>${s.clients.length} ${s.clients.length === 1 ? 'client' : 'clients'} in ${s.channels.filter((c) => c.clients > 0).map((c) => `#${c.name}`).join(', ') || 'no channel yet'} ·
              ${s.sent.total} ${s.sent.total === 1 ? 'line' : 'lines'} sent</div>
            <div>PING every ${interval(s.pingMs)} · ${s.keepalive.pongTimeouts} dropped for no PONG${s.stalledMs > 0 ? html` · <strong>stalled ${Math.ceil(s.stalledMs / 1000)} s</strong>` : nothing}</div>
          </div>
          <div class="row">
            <select aria-label="Twitch scenario" .value=${s.scenario?.name ?? ''} @change=${(e: Event) => void this.setScenario((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!s.scenario}>no scenario (rates only)</option>
              ${this.presets.map((p) => html`<option value=${p.name} title=${p.description} ?selected=${s.scenario?.name === p.name}>scenario: ${p.name}</option>`)}
            </select>
            <span class="meta phase">${s.scenario ? `phase: ${s.scenario.phase}` : nothing}</span>
          </div>`
        : html`<div class="meta">loading…</div>`}
      <div class="grid">
        ${QUICK.map((q) => html`<button type="button" @click=${() => void this.post('/api/twitch/events', q.body, `${q.label} sent`)}>${q.label}</button>`)}
      </div>
      <div class="row">
        <input type="text" aria-label="Twitch chat text" maxlength="500" placeholder="chat text, e.g. Kappa hello" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} />
        <button type="button" ?disabled=${this.text.trim() === ''} @click=${() => void this.post('/api/twitch/events', { kind: 'chat', text: this.text }, 'chat sent')}>Send</button>
      </div>
      <div class="row">
        <button type="button" @click=${() => void this.post('/api/twitch/faults/reconnect', {}, 'RECONNECT sent')}>RECONNECT</button>
        <button type="button" @click=${() => void this.post('/api/twitch/faults/stall', { seconds: 10 }, 'stalled 10 s')}>Stall 10 s</button>
        <button type="button" class="danger" @click=${() => void this.post('/api/twitch/faults/drop', {}, 'connections dropped')}>Drop all</button>
      </div>
      <div class="flash" role="status">${this.flash}</div>
      ${this.error ? html`<tiksim-error-note .error=${this.error}></tiksim-error-note>` : nothing}
    `;
  }
}
customElements.define('tiksim-twitch', TiksimTwitch);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-twitch': TiksimTwitch;
  }
}
