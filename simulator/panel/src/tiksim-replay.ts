import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import { nameOf, type ApiError, type RecordingInfo, type ReplayStatus } from './api-types.ts';
import { emit } from './events.ts';
import { clock } from './format.ts';
import { baseStyles } from './styles.ts';
import './tiksim-error-note.ts';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 10];

/**
 * Replay transport: list recordings (GET /api/recordings), load one (POST /api/replay), play/pause, seek and speed
 * (PUT /api/replay), back to generation (DELETE /api/replay). Shows what plays and where from GET /api/status.
 */
export class TiksimReplay extends LitElement {
  static override properties = {
    replay: { attribute: false },
    paused: { attribute: false },
    recordings: { state: true },
    choice: { state: true },
    seekDraft: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      #recording { flex: 1; }
      #speed { flex: none; width: 76px; }
      .now { margin-top: 10px; padding: 10px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
      .title { display: flex; justify-content: space-between; gap: 8px; font-weight: 600; }
      .title .badge { font-size: 10px; letter-spacing: 0.08em; color: var(--bg); background: var(--cyan); border-radius: 4px; padding: 1px 6px; }
      .title .badge.paused { background: var(--warn); }
      .seek { display: grid; grid-template-columns: auto 1fr auto; gap: 8px; align-items: center; margin: 8px 0; }
      .seek input { width: 100%; accent-color: var(--cyan); }
      .time { font-size: 12px; }
      .paused { color: var(--warn); }
    `,
  ];

  declare replay: ReplayStatus | null;
  /** GET /api/status → paused: generation is paused (only fired events go out). */
  declare paused: boolean;
  declare recordings: RecordingInfo[];
  declare choice: string;
  declare seekDraft: number | null;
  declare error: ApiError | null;

  constructor() {
    super();
    this.replay = null;
    this.paused = false;
    this.recordings = [];
    this.choice = '';
    this.seekDraft = null;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reloads the list of recordings. */
  async load(): Promise<void> {
    const r = await api.get<{ recordings: RecordingInfo[] }>('/api/recordings');
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.recordings = r.value.recordings;
    if (this.error?.code === 'E_UNREACHABLE') this.error = null;
    if (!this.choice && this.recordings.length) this.choice = nameOf(this.recordings[0]);
  }

  private async run(p: Promise<{ ok: boolean; error?: ApiError }>, what: string): Promise<void> {
    this.error = null;
    const r = await p;
    if (!r.ok) this.error = r.error ?? null;
    else emit(this, 'tiksim-changed', { what });
  }

  private control(body: { paused?: boolean; positionMs?: number; speed?: number }): Promise<void> {
    return this.run(api.put('/api/replay', body), 'replay');
  }

  private async seek(ms: number): Promise<void> {
    await this.control({ positionMs: ms });
    this.seekDraft = null;
  }

  private describe(x: RecordingInfo): string {
    if (typeof x === 'string') return x;
    const bits = [x.durationMs !== undefined ? clock(x.durationMs) : '', x.frames !== undefined ? `${x.frames} frames` : ''].filter(Boolean);
    return bits.length ? `${x.name} (${bits.join(', ')})` : x.name;
  }

  override render() {
    const r = this.replay;
    const pos = this.seekDraft ?? r?.positionMs ?? 0;
    const dur = r?.durationMs ?? 0;
    return html`
      <div class="row">
        <label for="recording" class="sr-only">Recording</label>
        <select id="recording" aria-label="Recording" .value=${this.choice} @change=${(e: Event) => (this.choice = (e.target as HTMLSelectElement).value)}>
          ${this.recordings.length === 0 ? html`<option value="">No recordings found</option>` : nothing}
          ${this.recordings.map((x) => html`<option value=${nameOf(x)} ?selected=${nameOf(x) === this.choice}>${this.describe(x)}</option>`)}
        </select>
        <button type="button" title="Refresh the list" aria-label="Refresh recordings list" @click=${() => void this.load()}>↻</button>
        <button type="button" ?disabled=${!this.choice} @click=${() => void this.run(api.post('/api/replay', { recording: this.choice }), 'load replay')}>Load</button>
      </div>
      ${r
        ? html`<div class="now" aria-label="Replay">
            <div class="title">
              <span class="mono">${r.recording}</span>
              <span class="badge ${r.paused ? 'paused' : ''}">${r.paused ? 'PAUSED' : r.ended ? 'ENDED' : 'PLAYING'}</span>
            </div>
            <div class="seek">
              <button type="button" aria-label=${r.paused ? 'Play' : 'Pause'} @click=${() => void this.control({ paused: !r.paused })}>${r.paused ? '▶' : '❚❚'}</button>
              <input
                type="range"
                aria-label="Seek"
                min="0"
                max=${Math.max(1, dur)}
                step="100"
                .value=${String(pos)}
                @input=${(e: Event) => (this.seekDraft = Number((e.target as HTMLInputElement).value))}
                @change=${(e: Event) => void this.seek(Number((e.target as HTMLInputElement).value))}
              />
              <span class="time mono">${clock(pos)} / ${clock(dur)}</span>
            </div>
            <div class="row">
              <label for="speed">Speed</label>
              <select id="speed" @change=${(e: Event) => void this.control({ speed: Number((e.target as HTMLSelectElement).value) })}>
                ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === r.speed}>${s}×</option>`)}
              </select>
              <span class="muted">${r.framesSent ?? 0}${r.framesTotal !== undefined ? ` / ${r.framesTotal}` : ''} frames sent</span>
              <span class="grow"></span>
              <button type="button" class="danger" @click=${() => void this.run(api.delete('/api/replay'), 'stop replay')}>Back to generation</button>
            </div>
            ${r.error ? html`<tiksim-error-note .error=${{ code: 'E_REPLAY', message: r.error }}></tiksim-error-note>` : nothing}
          </div>`
        : html`<p class="muted" data-testid="replay-idle">
            ${this.paused
              ? html`<span class="paused">Generation is paused</span> and no recording is playing. Load one to replay it to every client.`
              : 'Generating live events. Load a recording to replay it to every client.'}
          </p>`}
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
    `;
  }
}
customElements.define('tiksim-replay', TiksimReplay);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-replay': TiksimReplay;
  }
}
