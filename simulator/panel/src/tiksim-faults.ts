import { LitElement, css, html } from 'lit';
import { api } from './api.ts';
import type { ApiError } from './api-types.ts';
import { emit } from './events.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';

const CLOSE_CODES: { code: string; label: string }[] = [
  { code: '', label: 'drop (no close frame)' },
  { code: '1000', label: '1000 normal' },
  { code: '1001', label: '1001 going away' },
  { code: '1011', label: '1011 server error' },
  { code: '1012', label: '1012 restart' },
  { code: '1013', label: '1013 try later' },
  { code: '4000', label: '4000 custom' },
];

/** Fault injection through /api/faults/*: disconnect or close with a code, stall, malformed frame, burst. */
export class TiksimFaults extends LitElement {
  static override properties = {
    code: { state: true },
    reason: { state: true },
    seconds: { state: true },
    malformed: { state: true },
    burstEvent: { state: true },
    burstKinds: { state: true },
    burstCount: { state: true },
    error: { state: true },
    flash: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .f { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto; gap: 6px; align-items: center; }
      /* The close code's labels are long ("drop (no close frame)"): its row wraps instead of cutting them off. */
      .f.close { display: flex; flex-wrap: wrap; }
      .f.close select { flex: 1 0 auto; width: auto; }
      .f.close input { flex: 1 1 120px; width: auto; }
      .f.close button { flex: 0 0 auto; }
      .f + .f { margin-top: 8px; }
      .f input, .f select { width: 100%; }
      .f button { min-width: 110px; }
      .flash { color: var(--ok); font-size: 12px; margin-top: 6px; min-height: 17px; }
    `,
  ];

  declare code: string;
  declare reason: string;
  declare seconds: string;
  declare malformed: string;
  declare burstEvent: string;
  /** What a burst may fire, from GET /api/kinds (the simulator's kind registry). */
  declare burstKinds: string[];
  declare burstCount: string;
  declare error: ApiError | null;
  declare flash: string;

  constructor() {
    super();
    this.code = '';
    this.reason = '';
    this.seconds = '5';
    this.malformed = '';
    this.burstEvent = 'chat';
    this.burstKinds = ['chat'];
    this.burstCount = '200';
    this.error = null;
    this.flash = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void api.get<{ kinds: { name: string; burst: boolean }[] }>('/api/kinds').then((r) => {
      if (r.ok) this.burstKinds = r.value.kinds.filter((k) => k.burst).map((k) => k.name);
    });
  }

  private async fault(path: string, body: Record<string, unknown>, done: (v: Record<string, unknown>) => string): Promise<void> {
    this.error = null;
    const r = await api.post<Record<string, unknown>>(path, body);
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.flash = `✓ ${done(r.value)}`;
    emit(this, 'tiksim-changed', { what: path });
  }

  private num(s: string): number | string {
    return s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
  }

  override render() {
    return html`
      <h2>Faults</h2>
      <div class="f close">
        <select aria-label="Close code" .value=${this.code} @change=${(e: Event) => (this.code = (e.target as HTMLSelectElement).value)}>
          ${CLOSE_CODES.map((c) => html`<option value=${c.code} ?selected=${c.code === this.code}>${c.label}</option>`)}
        </select>
        <input type="text" aria-label="Close reason" ?disabled=${this.code === ''} title=${this.code === '' ? 'a reason goes with a close code' : ''} placeholder="reason" maxlength="123" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
        <button
          type="button"
          class="danger"
          @click=${() =>
            void this.fault(
              '/api/faults/disconnect',
              this.code === '' ? {} : { code: Number(this.code), ...(this.reason ? { reason: this.reason } : {}) },
              (v) => `disconnected ${String(v.disconnected)} client(s)`,
            )}
        >
          Disconnect all
        </button>
      </div>
      <div class="f">
        <label for="stall-seconds">Stall for (seconds)</label>
        <input id="stall-seconds" type="number" min="1" max="600" .value=${this.seconds} @input=${(e: Event) => (this.seconds = (e.target as HTMLInputElement).value)} />
        <button type="button" @click=${() => void this.fault('/api/faults/stall', { seconds: this.num(this.seconds) }, () => `stalled for ${this.seconds} s`)}>Stall</button>
      </div>
      <div class="f">
        <input
          type="text"
          class="mono"
          style="grid-column: span 2"
          aria-label="Malformed frame text"
          placeholder='default: {"event":"gift","data":{"giftId":5655,"repeatCount":'
          .value=${this.malformed}
          @input=${(e: Event) => (this.malformed = (e.target as HTMLInputElement).value)}
        />
        <button type="button" @click=${() => void this.fault('/api/faults/malformed', this.malformed ? { text: this.malformed } : {}, (v) => `sent ${String(v.sent)} bad bytes`)}>
          Malformed frame
        </button>
      </div>
      <div class="f">
        <select aria-label="Burst event" .value=${this.burstEvent} @change=${(e: Event) => (this.burstEvent = (e.target as HTMLSelectElement).value)}>
          ${this.burstKinds.map((k) => html`<option value=${k} ?selected=${k === this.burstEvent}>${k}</option>`)}
        </select>
        <input type="number" aria-label="Burst count" min="1" max="10000" .value=${this.burstCount} @input=${(e: Event) => (this.burstCount = (e.target as HTMLInputElement).value)} />
        <button
          type="button"
          @click=${() =>
            void this.fault('/api/faults/burst', { event: this.burstEvent, count: this.num(this.burstCount) }, (v) => `burst of ${String(v.scheduled)} ${this.burstEvent} events`)}
        >
          Burst
        </button>
      </div>
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
      <div class="flash" aria-live="polite">${this.error ? '' : this.flash}</div>
    `;
  }
}
customElements.define('tiksim-faults', TiksimFaults);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-faults': TiksimFaults;
  }
}
