import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from './api.ts';
import { nameOf, type ApiError } from './api-types.ts';
import { emit } from './events.ts';
import { checkRate, rateText, sliderMax, sliderValue } from './rate-input.ts';
import { baseStyles } from './styles.ts';
import './tiksim-error-note.ts';

/**
 * One slider and one number box per generated event kind (events per second); a release or a typed value sends
 * PUT /api/rates `{kind: value}`. While a scenario runs it sets the rates itself (a rate typed then would answer 200
 * and be overwritten at once), so the card shows the scenario's rates read-only and says how to get the inputs back.
 */
export class TiksimRates extends LitElement {
  static override properties = {
    rates: { attribute: false },
    observed: { attribute: false },
    scenario: { attribute: false },
    drafts: { state: true },
    typed: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .rate { display: grid; grid-template-columns: 92px minmax(0, 1fr) 66px 58px; gap: 8px; align-items: center; padding: 1px 0; }
      .rate label { color: var(--text); overflow: hidden; text-overflow: ellipsis; }
      .rate input[type='number'] { padding: 2px 5px; font-size: 12px; text-align: right; width: 100%; }
      .seen { text-align: right; font-size: 11px; color: var(--muted); }
      .rate.off label { color: var(--muted); }
      input[type='range'] { width: 100%; accent-color: var(--pink); min-width: 0; }
      input:disabled { opacity: 0.55; cursor: not-allowed; }
      .steered {
        margin: 0 0 8px; padding: 7px 10px; font-size: 12px; border-radius: 8px;
        border: 1px solid #5a4a24; background: #2a2312; color: #ffe2ad;
      }
      .steered b { color: var(--warn); }
      @media (max-width: 480px) {
        .rate { grid-template-columns: 84px minmax(0, 1fr) 66px 40px; gap: 6px; }
      }
    `,
  ];

  declare rates: Record<string, number>;
  declare observed: Record<string, number>;
  /** GET /api/status → scenario: null when the rates apply alone. */
  declare scenario: unknown;
  declare drafts: Record<string, number>;
  /** Text being typed into a rate's number box: kept as typed ("0.") until committed, whatever status says meanwhile. */
  declare typed: Record<string, string>;
  declare error: ApiError | null;

  constructor() {
    super();
    this.rates = {};
    this.observed = {};
    this.scenario = null;
    this.drafts = {};
    this.typed = {};
    this.error = null;
  }

  private forget(kind: string): void {
    const { [kind]: _draft, ...drafts } = this.drafts;
    this.drafts = drafts;
    const { [kind]: _typed, ...typed } = this.typed;
    this.typed = typed;
  }

  private async commit(kind: string, value: number): Promise<void> {
    this.error = null;
    const r = await api.put<{ rates: Record<string, number> }>('/api/rates', { [kind]: value });
    this.forget(kind);
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.rates = r.value.rates;
    emit(this, 'tiksim-changed', { what: `rate ${kind}` });
  }

  /** A typed value: checked here first, so "-1" or "abc" is explained and never sent. */
  private commitTyped(kind: string, box: HTMLInputElement): void {
    const checked = checkRate(kind, box.value, box.validity.badInput);
    if (!checked.ok) {
      this.error = checked.error;
      return;
    }
    void this.commit(kind, checked.value);
  }

  override render() {
    const kinds = Object.keys(this.rates);
    const steering = this.scenario !== null && this.scenario !== undefined;
    const name = nameOf(this.scenario) || 'custom';
    return html`
      ${kinds.length === 0 ? html`<p class="muted">Waiting for the simulator…</p>` : nothing}
      ${steering
        ? html`<p class="steered" role="note" aria-label="Scenario steers the rates">
            The scenario <b>${name}</b> is steering the rates: these are its rates now, and it overrides anything set
            here. Choose <b>none (rates only)</b> under Scenario to set rates yourself.
          </p>`
        : nothing}
      ${kinds.map((k) => {
        // The scenario's rates are shown as they are: nothing half-typed or half-dragged stands in front of them.
        const v = steering ? this.rates[k] : (this.drafts[k] ?? this.rates[k]);
        const seen = this.observed[k];
        return html`<div class="rate ${v === 0 ? 'off' : ''}">
          <label for="rate-${k}">${k}</label>
          <input
            id="rate-${k}"
            type="range"
            min="0"
            max=${sliderMax(this.rates[k])}
            step="any"
            ?disabled=${steering}
            aria-label="${k} rate (events per second)"
            .value=${String(rateText(v))}
            @input=${(e: Event) => {
              const el = e.target as HTMLInputElement;
              const snapped = sliderValue(Number(el.value), Number(el.max));
              this.drafts = { ...this.drafts, [k]: snapped };
            }}
            @change=${(e: Event) => {
              const el = e.target as HTMLInputElement;
              void this.commit(k, sliderValue(Number(el.value), Number(el.max)));
            }}
          />
          <input
            type="number"
            class="mono"
            min="0"
            step="any"
            ?disabled=${steering}
            aria-label="${k} rate value"
            aria-invalid=${this.error?.field === k ? 'true' : 'false'}
            .value=${live((steering ? undefined : this.typed[k]) ?? String(rateText(v)))}
            @input=${(e: Event) => (this.typed = { ...this.typed, [k]: (e.target as HTMLInputElement).value })}
            @change=${(e: Event) => this.commitTyped(k, e.target as HTMLInputElement)}
          />
          <span class="seen mono" title="measured over the last seconds">${seen !== undefined ? `${rateText(seen)}/s` : ''}</span>
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
