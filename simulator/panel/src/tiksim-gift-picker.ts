import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { ApiError, ApiGift, UserSpec } from './api-types.ts';
import { emit } from './events.ts';
import { GIFT_PRESETS, giftBody } from './presets.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';


/**
 * The gift picker: the whole catalog from GET /api/gifts as a searchable grid, presets, a streak length or count,
 * and a Send button. Fires POST /api/events `{event:'gift', data:{giftName, repeatCount}, user, count?}`.
 */
export class TiksimGiftPicker extends LitElement {
  static override properties = {
    sender: { attribute: false },
    senderLabel: { attribute: false },
    gifts: { state: true },
    query: { state: true },
    giftName: { state: true },
    amount: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
    flash: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .presets { margin-bottom: 10px; }
      .presets button { border-radius: 999px; padding: 4px 12px; }
      .presets button b { color: var(--cyan); font-weight: 600; }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(84px, 1fr));
        gap: 6px;
        max-height: 258px;
        overflow-y: auto;
        margin: 10px 0;
        padding-right: 4px;
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 2px;
        padding: 8px 4px 6px;
        background: var(--card-2);
        border-radius: 9px;
        position: relative;
        white-space: normal;
      }
      .tile img { width: 40px; height: 40px; object-fit: contain; }
      .tile .name { font-size: 11.5px; text-align: center; line-height: 1.2; overflow: hidden; text-overflow: ellipsis; max-width: 100%; white-space: nowrap; }
      .tile .dia { font-size: 11px; color: var(--cyan); }
      .tile .streak {
        position: absolute; top: 4px; right: 5px; font-size: 9px; font-weight: 700;
        color: var(--warn); letter-spacing: 0.04em;
      }
      .tile[aria-pressed='true'] { border-color: var(--pink); background: #2a1620; box-shadow: 0 0 0 1px var(--pink) inset; }
      .send { display: grid; grid-template-columns: 1fr 110px auto; gap: 8px; align-items: end; }
      .field { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
      .field input { width: 100%; }
      @media (max-width: 480px) {
        .send { grid-template-columns: minmax(0, 1fr) 84px; }
        .send button { grid-column: 1 / -1; }
        .grid { grid-template-columns: repeat(auto-fill, minmax(72px, 1fr)); }
      }
      .sel { display: flex; align-items: center; gap: 8px; }
      .sel img { width: 28px; height: 28px; }
      .flash { color: var(--ok); font-size: 12px; margin-top: 6px; min-height: 17px; }
      .count { font-size: 11px; }
    `,
  ];

  declare sender: UserSpec;
  declare senderLabel: string;
  declare gifts: ApiGift[];
  declare query: string;
  declare giftName: string;
  declare amount: string;
  declare error: ApiError | null;
  declare loadError: ApiError | null;
  declare busy: boolean;
  declare flash: string;

  constructor() {
    super();
    this.sender = { random: true };
    this.senderLabel = 'a random viewer';
    this.gifts = [];
    this.query = '';
    this.giftName = 'Rose';
    this.amount = '1';
    this.error = null;
    this.loadError = null;
    this.busy = false;
    this.flash = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads (or reloads after a restart) the catalog. */
  async load(): Promise<void> {
    const r = await api.get<{ gifts: ApiGift[] }>('/api/gifts');
    if (r.ok) {
      this.gifts = r.value.gifts;
      this.loadError = null;
    } else this.loadError = r.error;
  }

  private get selected(): ApiGift | undefined {
    const n = this.giftName.trim().toLowerCase();
    return this.gifts.find((g) => g.name.toLowerCase() === n);
  }

  private get visible(): ApiGift[] {
    const q = this.query.trim().toLowerCase();
    const list = q ? this.gifts.filter((g) => g.name.toLowerCase().includes(q)) : this.gifts;
    return [...list].sort((a, b) => a.diamondCount - b.diamondCount || a.name.localeCompare(b.name));
  }

  private async fire(giftName: string, amountText: string): Promise<void> {
    this.error = null;
    if (amountText.trim() === '' || !Number.isFinite(Number(amountText))) {
      this.error = { code: 'E_INPUT', message: 'enter a number of gifts (a streak length or a count)', field: 'repeatCount' };
      return;
    }
    const amount = Number(amountText);
    const gift = this.gifts.find((g) => g.name.toLowerCase() === giftName.trim().toLowerCase());
    const body = giftBody(giftName, amount, gift ? gift.streakable : true, this.sender);
    this.busy = true;
    const r = await api.post<{ ok: true; event: string; scheduled: number }>('/api/events', body);
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.flash = `✓ ${giftName}${amount > 1 ? ` ×${amount}` : ''} from ${this.senderLabel} — ${r.value.scheduled} frame${r.value.scheduled === 1 ? '' : 's'} scheduled`;
    emit(this, 'tiksim-fired', { event: 'gift', scheduled: r.value.scheduled, note: `${giftName} ×${amount}` });
  }

  private pick(g: ApiGift): void {
    this.giftName = g.name;
    this.error = null;
  }

  private onChoice(e: CustomEvent<{ field?: string; choice: string }>): void {
    const f = e.detail.field ?? '';
    if (f.includes('gift') || this.gifts.some((g) => g.name === e.detail.choice)) this.giftName = e.detail.choice;
    this.error = null;
  }

  override render() {
    const sel = this.selected;
    const streak = sel ? sel.streakable : true;
    const list = this.visible;
    return html`
      <h2>Gifts</h2>
      <div class="row presets" role="group" aria-label="Gift presets">
        ${GIFT_PRESETS.map(
          (p) =>
            html`<button type="button" ?disabled=${this.busy} @click=${() => void this.fire(p.gift, String(p.amount))} aria-label="Send ${p.label}">
              ${p.gift}${p.amount > 1 ? html` <b>×${p.amount}</b>` : nothing}
            </button>`,
        )}
      </div>
      <div class="row">
        <input
          class="grow"
          type="search"
          aria-label="Search gifts"
          placeholder=${this.gifts.length ? `Search ${this.gifts.length} gifts by name…` : 'Search gifts by name…'}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <span class="muted count">${list.length} shown</span>
      </div>
      ${this.loadError ? html`<tiksim-error-note .error=${this.loadError}></tiksim-error-note>` : nothing}
      <div class="grid" role="group" aria-label="Gift catalog">
        ${list.map(
          (g) => html`<button
            type="button"
            class="tile"
            aria-pressed=${sel?.id === g.id ? 'true' : 'false'}
            aria-label="${g.name}, ${g.diamondCount} diamonds${g.streakable ? ', streakable' : ''}"
            title="${g.name} · ${g.diamondCount} 💎${g.streakable ? ' · streakable' : ' · sends once'} — double-click to send"
            @click=${() => this.pick(g)}
            @dblclick=${() => void this.fire(g.name, this.amount)}
          >
            ${g.streakable ? html`<span class="streak" aria-hidden="true">COMBO</span>` : nothing}
            <img src=${api.media(g.imageUrl)} alt="" loading="lazy" width="40" height="40" />
            <span class="name">${g.name}</span>
            <span class="dia">💎 ${g.diamondCount.toLocaleString()}</span>
          </button>`,
        )}
        ${list.length === 0 && this.gifts.length ? html`<span class="muted">No gift matches “${this.query}”.</span>` : nothing}
      </div>
      <form novalidate
        class="send"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.fire(this.giftName, this.amount);
        }}
      >
        <div class="field">
          <label for="gift-name">Gift</label>
          <div class="sel">
            ${sel ? html`<img src=${api.media(sel.imageUrl)} alt="" />` : nothing}
            <input
              id="gift-name"
              class="grow"
              type="text"
              autocomplete="off"
              .value=${this.giftName}
              aria-invalid=${this.error?.field?.includes('gift') ? 'true' : 'false'}
              @input=${(e: Event) => (this.giftName = (e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="field">
          <label for="gift-amount">${streak ? 'Streak length' : 'Gift count'}</label>
          <input
            id="gift-amount"
            type="number"
            min="1"
            .value=${this.amount}
            aria-invalid=${this.error && !this.error.field?.includes('gift') ? 'true' : 'false'}
            @input=${(e: Event) => (this.amount = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>Send gift</button>
      </form>
      <tiksim-error-note .error=${this.error} @choice-pick=${this.onChoice}></tiksim-error-note>
      <div class="flash" aria-live="polite">${this.error ? '' : this.flash}</div>
    `;
  }
}
customElements.define('tiksim-gift-picker', TiksimGiftPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-gift-picker': TiksimGiftPicker;
  }
}
