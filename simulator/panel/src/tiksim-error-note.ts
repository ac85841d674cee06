import { LitElement, css, html, nothing } from 'lit';
import type { ApiError } from './api-types.ts';
import { emit } from './events.ts';
import { baseStyles } from './styles.ts';

/** Shows an API (or local parse) error inline, exactly as the server worded it, with its choices as buttons. */
export class TiksimErrorNote extends LitElement {
  static override properties = { error: { attribute: false } };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .box {
        margin-top: 8px;
        border: 1px solid #5a2430;
        background: #2a1118;
        color: #ffc2c8;
        border-radius: 8px;
        padding: 8px 10px;
      }
      .code { font-size: 11px; color: var(--bad); margin-right: 6px; font-weight: 700; }
      .choices { margin-top: 6px; display: flex; gap: 6px; flex-wrap: wrap; }
      .choices button { padding: 2px 8px; font-size: 12px; border-color: #5a2430; }
    `,
  ];

  declare error: ApiError | null;

  constructor() {
    super();
    this.error = null;
  }

  override render() {
    const e = this.error;
    if (!e) return nothing;
    const choices = (e.choices ?? []).slice(0, 8);
    return html`<div class="box" role="alert">
      <span class="code mono">${e.code}</span><span class="msg">${e.message}</span>
      ${choices.length
        ? html`<div class="choices">
            <span class="muted">Try:</span>
            ${choices.map((c) => html`<button type="button" @click=${() => emit(this, 'choice-pick', { field: e.field, choice: c })}>${c}</button>`)}
          </div>`
        : nothing}
    </div>`;
  }
}
customElements.define('tiksim-error-note', TiksimErrorNote);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-error-note': TiksimErrorNote;
  }
}
