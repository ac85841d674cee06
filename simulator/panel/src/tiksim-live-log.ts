import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { ApiError, LogEntry, LogPage } from './api-types.ts';
import { emit } from './events.ts';
import { timeOfDay } from './format.ts';
import { PollController } from './poll-controller.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';

const KEEP = 400;

/** A one-line summary of a frame for the log row. */
function summary(e: LogEntry): string {
  let d: Record<string, unknown>;
  try {
    const f = JSON.parse(e.text) as { data?: Record<string, unknown> };
    d = f.data ?? {};
  } catch {
    return e.text.slice(0, 120);
  }
  const who = typeof d.uniqueId === 'string' ? `@${d.uniqueId}` : '';
  switch (e.event) {
    case 'chat':
      return `${who}: ${String(d.comment ?? '')}`;
    case 'gift':
      return `${who} ${String(d.giftName ?? '')} ×${String(d.repeatCount ?? '')}${d.repeatEnd ? ' (end)' : ''}`;
    case 'like':
      return `${who} +${String(d.likeCount ?? '')} likes (total ${String(d.totalLikeCount ?? '')})`;
    case 'roomUser':
      return `${String(d.viewerCount ?? '')} viewers`;
    default:
      return who || e.text.slice(0, 100);
  }
}

/**
 * The last frames sent, polled from GET /api/log?after=<seq> every 500 ms: filter by kind, expand to JSON, send
 * again (POST /api/events {event, data}).
 */
export class TiksimLiveLog extends LitElement {
  static override properties = {
    entries: { state: true },
    filter: { state: true },
    open: { state: true },
    follow: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      :host { display: flex; flex-direction: column; min-height: 0; }
      .head { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
      .head h2 { margin: 0; }
      ol { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; min-height: 120px; max-height: 300px; font-size: 12px; }
      li { border-bottom: 1px solid #1e2230; }
      .line { display: grid; grid-template-columns: 92px 92px 1fr auto; gap: 10px; padding: 3px 4px; align-items: center; cursor: pointer; width: 100%; background: none; border: 0; border-radius: 0; text-align: left; white-space: nowrap; }
      .line:hover { background: var(--card-2); }
      .t { color: var(--muted); }
      .k { font-weight: 600; }
      .s { overflow: hidden; text-overflow: ellipsis; }
      .k.gift { color: var(--pink); } .k.chat { color: var(--cyan); } .k.like { color: #ff8fb1; } .k.member { color: var(--ok); }
      .k.roomUser { color: var(--muted); } .k.follow, .k.share, .k.subscribe { color: var(--warn); }
      .k.bad { color: var(--bad); }
      pre { margin: 0; padding: 8px 10px; background: var(--bg); border-radius: 6px; max-height: 240px; overflow: auto; font-size: 11.5px; white-space: pre-wrap; word-break: break-all; }
      .detail { padding: 4px 4px 8px; }
      .detail .row { margin-bottom: 6px; }
      .check { display: flex; gap: 5px; align-items: center; color: var(--text); }
      @media (max-width: 480px) {
        /* A phone: the time of day gives way to the text (the sequence number still orders the lines). */
        .line { grid-template-columns: 74px minmax(0, 1fr) auto; gap: 8px; }
        .line .t:first-child { display: none; }
      }
    `,
  ];

  declare entries: LogEntry[];
  declare filter: string;
  declare open: number | null;
  declare follow: boolean;
  declare error: ApiError | null;
  private seq = 0;
  private readonly poll = new PollController(this, 500, () => this.fetch());

  constructor() {
    super();
    this.entries = [];
    this.filter = '';
    this.open = null;
    this.follow = true;
    this.error = null;
  }

  /** Fetches new entries now (after the person fired something). */
  refresh(): void {
    this.poll.poke();
  }

  private async fetch(): Promise<void> {
    const r = await api.get<LogPage>(`/api/log?after=${this.seq}&limit=200`);
    if (!r.ok) return;
    // A restarted simulator counts from 0 again: start over rather than wait for seq to catch up.
    if (r.value.seq < this.seq) {
      this.seq = 0;
      this.entries = [];
      return;
    }
    this.seq = r.value.seq;
    if (r.value.entries.length === 0) return;
    this.entries = [...this.entries, ...r.value.entries].slice(-KEEP);
  }

  private atBottom = true;

  override willUpdate(): void {
    // Someone scrolled up to read: leave them there even with auto-scroll on.
    const ol = this.renderRoot.querySelector('ol');
    this.atBottom = !ol || ol.scrollHeight - ol.scrollTop - ol.clientHeight < 40;
  }

  override updated(): void {
    if (!this.follow || this.open !== null || !this.atBottom) return;
    const ol = this.renderRoot.querySelector('ol');
    if (ol) ol.scrollTop = ol.scrollHeight;
  }

  private async resend(e: LogEntry): Promise<void> {
    this.error = null;
    let data: unknown;
    try {
      data = (JSON.parse(e.text) as { data?: unknown }).data;
    } catch {
      this.error = { code: 'E_BAD_JSON', message: 'this frame is not valid JSON, so it cannot be sent as an event (use Faults → Malformed frame)' };
      return;
    }
    const r = await api.post<{ scheduled: number }>('/api/events', { event: e.event, data });
    if (!r.ok) this.error = r.error;
    else emit(this, 'tiksim-fired', { event: e.event, scheduled: r.value.scheduled, note: 'sent again' });
  }

  private pretty(text: string): string {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  override render() {
    const kinds = [...new Set(this.entries.map((e) => e.event))].sort();
    const shown = this.filter ? this.entries.filter((e) => e.event === this.filter) : this.entries;
    return html`
      <div class="head">
        <h2>Live log</h2>
        <span class="muted">${shown.length} of the last ${this.entries.length} frames</span>
        <span class="grow"></span>
        <label class="check"><input type="checkbox" .checked=${this.follow} @change=${() => (this.follow = !this.follow)} />Auto-scroll</label>
        <label for="log-filter">Show</label>
        <select id="log-filter" aria-label="Filter log by kind" .value=${this.filter} @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value)}>
          <option value="">all</option>
          ${kinds.map((k) => html`<option value=${k} ?selected=${k === this.filter}>${k}</option>`)}
        </select>
        <button type="button" @click=${() => ((this.entries = []), (this.open = null))}>Clear</button>
      </div>
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
      <ol aria-label="Live log">
        ${shown.map(
          (e) => html`<li data-kind=${e.event}>
            <button class="line" type="button" aria-expanded=${this.open === e.seq ? 'true' : 'false'} @click=${() => (this.open = this.open === e.seq ? null : e.seq)}>
              <span class="t mono">${timeOfDay(e.at)}</span>
              <span class="k ${e.event.startsWith('(') ? 'bad' : e.event}">${e.event}</span>
              <span class="s">${summary(e)}</span>
              <span class="t mono">#${e.seq}</span>
            </button>
            ${this.open === e.seq
              ? html`<div class="detail">
                  <div class="row">
                    <button type="button" ?disabled=${e.event.startsWith('(')} @click=${() => void this.resend(e)}>↻ Send again</button>
                    <button type="button" @click=${() => void navigator.clipboard?.writeText(e.text)}>Copy frame</button>
                    <span class="muted">${e.text.length} bytes</span>
                  </div>
                  <pre class="mono">${this.pretty(e.text)}</pre>
                </div>`
              : nothing}
          </li>`,
        )}
      </ol>
    `;
  }
}
customElements.define('tiksim-live-log', TiksimLiveLog);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-live-log': TiksimLiveLog;
  }
}
