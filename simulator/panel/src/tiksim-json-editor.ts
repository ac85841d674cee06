import { LitElement, css, html } from 'lit';
import { EVENT_NAMES, type EventName } from '../../../protocol/names.ts';
import { api } from './api.ts';
import type { ApiError, UserSpec } from './api-types.ts';
import { emit } from './events.ts';
import { exampleText, TLC_ONLY_KINDS, type TlcOnlyKind } from './examples.ts';
import { baseStyles, cardStyles } from './styles.ts';
import { checkFireBody, withSender } from './validate-body.ts';
import './tiksim-error-note.ts';

/**
 * Any event kind as a raw POST /api/events body: prefilled with a realistic example; invalid JSON never leaves the
 * page, anything else is the API's to judge and its 400 is shown inline, with its choices as buttons.
 */
export class TiksimJsonEditor extends LitElement {
  static override properties = {
    sender: { attribute: false },
    kind: { state: true },
    text: { state: true },
    useSender: { state: true },
    error: { state: true },
    flash: { state: true },
    busy: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      textarea {
        width: 100%;
        min-height: 150px;
        resize: vertical;
        margin-top: 8px;
        font: 12px/1.5 ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace;
        tab-size: 2;
      }
      .flash { color: var(--ok); font-size: 12px; margin-top: 6px; min-height: 17px; }
      .check { display: flex; align-items: center; gap: 5px; color: var(--text); }
      .hint { font-size: 11px; }
      textarea { margin-bottom: 6px; }
    `,
  ];

  declare sender: UserSpec;
  declare kind: EventName | TlcOnlyKind;
  declare text: string;
  declare useSender: boolean;
  declare error: ApiError | null;
  declare flash: string;
  declare busy: boolean;

  constructor() {
    super();
    this.sender = { random: true };
    this.kind = 'envelope';
    this.text = exampleText('envelope');
    this.useSender = true;
    this.error = null;
    this.flash = '';
    this.busy = false;
  }

  private setKind(k: EventName | TlcOnlyKind): void {
    this.kind = k;
    this.text = exampleText(k);
    this.error = null;
  }

  /** Puts an event's body into the editor (e.g. "edit" from the live log). */
  load(event: string, data: unknown): void {
    if ((EVENT_NAMES as readonly string[]).includes(event) || (TLC_ONLY_KINDS as readonly string[]).includes(event)) this.kind = event as EventName | TlcOnlyKind;
    this.text = JSON.stringify({ event, data }, null, 2);
    this.error = null;
  }

  /** Puts the choice the server suggested (e.g. `data.giftName` → "Lion") into the body at the error's field. */
  private applyChoice(e: CustomEvent<{ field?: string; choice: string }>): void {
    const path = (e.detail.field ?? '').split('.').filter(Boolean);
    if (path.length === 0) return;
    let body: unknown;
    try {
      body = JSON.parse(this.text);
    } catch {
      return;
    }
    let at = body as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = at[key];
      if (!next || typeof next !== 'object') return;
      at = next as Record<string, unknown>;
    }
    at[path[path.length - 1]] = e.detail.choice;
    this.text = JSON.stringify(body, null, 2);
    this.error = null;
  }

  private async send(): Promise<void> {
    this.error = null;
    const checked = checkFireBody(this.text);
    if (!checked.ok) {
      this.error = checked.error;
      return;
    }
    const body = this.useSender ? withSender(checked.body, this.sender) : checked.body;
    this.busy = true;
    const r = await api.post<{ scheduled: number; event: string }>('/api/events', body);
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    const event = r.value.event;
    this.flash = `✓ ${event} accepted — ${r.value.scheduled} frame${r.value.scheduled === 1 ? '' : 's'} scheduled`;
    emit(this, 'tiksim-fired', { event, scheduled: r.value.scheduled });
  }

  override render() {
    return html`
      <h2>Any event (JSON)</h2>
      <div class="row">
        <label for="json-kind">Event</label>
        <select id="json-kind" class="grow" .value=${this.kind} @change=${(e: Event) => this.setKind((e.target as HTMLSelectElement).value as EventName | TlcOnlyKind)}>
          <optgroup label="TikFinity">
            ${EVENT_NAMES.map((n) => html`<option value=${n} ?selected=${n === this.kind}>${n}</option>`)}
          </optgroup>
          <optgroup label="Other TikTok kinds (serve --all-kinds)">
            ${TLC_ONLY_KINDS.map((n) => html`<option value=${n} ?selected=${n === this.kind}>${n}</option>`)}
          </optgroup>
        </select>
        <button type="button" @click=${() => this.setKind(this.kind)}>Reset example</button>
      </div>
      <textarea
        aria-label="Event JSON"
        spellcheck="false"
        aria-invalid=${this.error ? 'true' : 'false'}
        .value=${this.text}
        @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.send();
        }}
      ></textarea>
      <div class="row">
        <label class="check"><input type="checkbox" .checked=${this.useSender} @change=${() => (this.useSender = !this.useSender)} />Add the sender when no "user"</label>
        <span class="grow"></span>
        <span class="muted hint">Ctrl+Enter</span>
        <button class="primary" type="button" ?disabled=${this.busy} @click=${() => void this.send()}>Send JSON</button>
      </div>
      <tiksim-error-note .error=${this.error} @choice-pick=${this.applyChoice}></tiksim-error-note>
      <div class="flash" aria-live="polite">${this.error ? '' : this.flash}</div>
    `;
  }
}
customElements.define('tiksim-json-editor', TiksimJsonEditor);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-json-editor': TiksimJsonEditor;
  }
}
