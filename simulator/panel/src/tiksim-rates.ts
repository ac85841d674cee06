import { LitElement, css, html } from 'lit';
import { api } from './api.ts';
import type { ApiError } from './api-types.ts';
import { emit } from './events.ts';
import { baseStyles } from './styles.ts';
import './tiksim-error-note.ts';

/** A rate for display: whole numbers from 10, else up to 3 decimals (0.005 must not read as 0.0). */
function fmt(v: number): string {
  if (v >= 10) return v.toFixed(0);
  return String(Number(v.toFixed(v >= 1 ? 1 : 3)));
}

/** One slider per generated event kind (events per second); a release sends PUT /api/rates `{kind: value}`. */
export class TiksimRates extends LitElement {
  static override properties = {
    rates: { attribute: false },
    observed: { attribute: false },
    drafts: { state: true },
    typed: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .rate { display: grid; grid-template-columns: 92px 1fr 66px 58px; gap: 8px; align-items: center; padding: 1px 0; }
      .rate label { color: var(--text); overflow: hidden; text-overflow: ellipsis; }
      .rate input[type='number'] { padding: 2px 5px; font-size: 12px; text-align: right; width: 100%; }
      .seen { text-align: right; font-size: 11px; color: var(--muted); }
      .rate.off label { color: var(--muted); }
      input[type='range'] { width: 100%; accent-color: var(--pink); }
    `,
  ];

  declare rates: Record<string, number>;
  declare observed: Record<string, number>;
  declare drafts: Record<string, number>;
  /** Text being typed into a rate's number box: kept as typed ("0.") until committed, whatever status says meanwhile. */
  declare typed: Record<string, string>;
  declare error: ApiError | null;

  constructor() {
    super();
    this.rates = {};
    this.observed = {};
    this.drafts = {};
    this.typed = {};
    this.error = null;
  }

  private async commit(kind: string, value: number): Promise<void> {
    this.error = null;
    const r = await api.put<{ rates: Record<string, number> }>('/api/rates', { [kind]: value });
    const { [kind]: _done, ...rest } = this.drafts;
    this.drafts = rest;
    const { [kind]: _typed, ...restTyped } = this.typed;
    this.typed = restTyped;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.rates = r.value.rates;
    emit(this, 'tiksim-changed', { what: `rate ${kind}` });
  }

  override render() {
    const kinds = Object.keys(this.rates);
    return html`
      ${kinds.length === 0 ? html`<p class="muted">Waiting for the simulator…</p>` : ''}
      ${kinds.map((k) => {
        const v = this.drafts[k] ?? this.rates[k];
        const max = Math.max(20, Math.ceil(this.rates[k] * 2));
        const seen = this.observed[k];
        return html`<div class="rate ${v === 0 ? 'off' : ''}">
          <label for="rate-${k}">${k}</label>
          <input
            id="rate-${k}"
            type="range"
            min="0"
            max=${max}
            step="0.1"
            aria-label="${k} rate (events per second)"
            .value=${String(v)}
            @input=${(e: Event) => (this.drafts = { ...this.drafts, [k]: Number((e.target as HTMLInputElement).value) })}
            @change=${(e: Event) => void this.commit(k, Number((e.target as HTMLInputElement).value))}
          />
          <input
            type="number"
            class="mono"
            min="0"
            step="any"
            aria-label="${k} rate value"
            .value=${this.typed[k] ?? fmt(v)}
            @input=${(e: Event) => (this.typed = { ...this.typed, [k]: (e.target as HTMLInputElement).value })}
            @change=${(e: Event) => {
              const raw = (e.target as HTMLInputElement).value;
              void this.commit(k, raw.trim() === '' ? Number.NaN : Number(raw));
            }}
          />
          <span class="seen mono" title="measured over the last seconds">${seen !== undefined ? `${fmt(seen)}/s` : ''}</span>
        </div>`;
      })}
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
    `;
  }
}
customElements.define('tiksim-rates', TiksimRates);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-rates': TiksimRates;
  }
}
