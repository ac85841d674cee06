import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { ApiError, FireBody, UserSpec } from './api-types.ts';
import { emit } from './events.ts';
import { EMOTES, LIKE_DEFAULTS, ONE_CLICK, chatBody, emoteAt, likeBody, type Emote } from './presets.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';

/** Chat composer (with emotes), like burst, and one-click follow/share/subscribe/join, all via POST /api/events. */
export class TiksimQuickEvents extends LitElement {
  static override properties = {
    sender: { attribute: false },
    senderLabel: { attribute: false },
    comment: { state: true },
    emotes: { state: true },
    likes: { state: true },
    likeEvents: { state: true },
    error: { state: true },
    flash: { state: true },
    busy: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .block + .block { margin-top: 12px; padding-top: 12px; border-top: 1px dashed var(--line); }
      .emotes { display: flex; gap: 4px; margin-top: 6px; flex-wrap: wrap; align-items: center; }
      .emotes button { padding: 2px; width: 30px; height: 30px; display: grid; place-items: center; }
      .emotes img { width: 22px; height: 22px; }
      .picked { display: flex; gap: 4px; align-items: center; margin-left: 4px; padding-left: 8px; border-left: 1px solid var(--line); }
      .picked img { width: 18px; height: 18px; }
      .emotes .picked button.clear { width: auto; height: auto; padding: 1px 7px; font-size: 11px; }
      .like input { width: 70px; }
      .buttons { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; }
      .buttons button { padding: 9px 6px; font-weight: 600; }
      .buttons span { margin-right: 5px; color: var(--cyan); }
      .flash { color: var(--ok); font-size: 12px; margin-top: 6px; min-height: 17px; }
    `,
  ];

  declare sender: UserSpec;
  declare senderLabel: string;
  declare comment: string;
  declare emotes: Emote[];
  declare likes: string;
  declare likeEvents: string;
  declare error: ApiError | null;
  declare flash: string;
  declare busy: boolean;

  constructor() {
    super();
    this.sender = { random: true };
    this.senderLabel = 'a random viewer';
    this.comment = '';
    this.emotes = [];
    this.likes = String(LIKE_DEFAULTS.likes);
    this.likeEvents = String(LIKE_DEFAULTS.events);
    this.error = null;
    this.flash = '';
    this.busy = false;
  }

  private async send(body: FireBody, what: string): Promise<boolean> {
    this.error = null;
    this.busy = true;
    const r = await api.post<{ scheduled: number }>('/api/events', { ...body, user: this.sender });
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.flash = `✓ ${what} from ${this.senderLabel}`;
    emit(this, 'tiksim-fired', { event: body.event, scheduled: r.value.scheduled, note: what });
    return true;
  }

  private async sendChat(): Promise<void> {
    if (await this.send(chatBody(this.comment, this.emotes, this.sender), 'chat')) {
      this.comment = '';
      this.emotes = [];
    }
  }

  private async sendLikes(): Promise<void> {
    const n = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
    const likes = n(this.likes);
    const events = n(this.likeEvents);
    // An empty box would go out as null ("got null"); say which box instead. Ranges are the API's to check.
    if (!Number.isFinite(likes) || !Number.isFinite(events)) {
      const field = !Number.isFinite(likes) ? 'data.likeCount' : 'count';
      const box = field === 'count' ? 'Events' : 'Likes per event';
      this.error = { code: 'E_BAD_FIELD', field, message: `enter a number in "${box}" (${field === 'count' ? 'how many like events' : 'likes in each event'})` };
      return;
    }
    await this.send(likeBody(likes, events, this.sender), `${this.likeEvents} like events`);
  }

  private addEmote(n: number): void {
    this.emotes = [...this.emotes, emoteAt(n, this.comment.length, location.href)];
  }

  override render() {
    return html`
      <h2>Quick events</h2>
      <form novalidate
        class="block"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.sendChat();
        }}
      >
        <div class="row">
          <input
            class="grow"
            type="text"
            aria-label="Chat message"
            placeholder="Say something in chat…"
            maxlength="500"
            .value=${this.comment}
            @input=${(e: Event) => (this.comment = (e.target as HTMLInputElement).value)}
          />
          <button class="primary" type="submit" ?disabled=${this.busy}>Send chat</button>
        </div>
        <div class="emotes" role="group" aria-label="Emotes">
          <span class="muted">Emotes</span>
          ${EMOTES.map(
            (n) => html`<button type="button" aria-label="Add emote ${n}" @click=${() => this.addEmote(n)}>
              <img src=${api.media(`/media/emote/${n}.png`)} alt="" />
            </button>`,
          )}
          ${this.emotes.length
            ? html`<span class="picked">
                <span class="muted">added</span>
                ${this.emotes.map((e) => html`<img src=${api.media(e.emoteImageUrl)} alt="" title="at character ${e.placeInComment}" />`)}
                <button type="button" class="clear" aria-label="Clear emotes" @click=${() => (this.emotes = [])}>clear</button>
              </span>`
            : nothing}
        </div>
      </form>
      <form novalidate
        class="block like row"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.sendLikes();
        }}
      >
        <label for="like-count">Likes per event</label>
        <input id="like-count" type="number" min="1" max="15" .value=${this.likes} @input=${(e: Event) => (this.likes = (e.target as HTMLInputElement).value)} />
        <label for="like-events">Events</label>
        <input id="like-events" type="number" min="1" .value=${this.likeEvents} @input=${(e: Event) => (this.likeEvents = (e.target as HTMLInputElement).value)} />
        <button type="submit" ?disabled=${this.busy}>❤ Like burst</button>
      </form>
      <div class="block buttons">
        ${ONE_CLICK.map(
          (b) => html`<button type="button" ?disabled=${this.busy} @click=${() => void this.send({ event: b.event, user: this.sender }, b.label.toLowerCase())}>
            <span aria-hidden="true">${b.icon}</span>${b.label}
          </button>`,
        )}
      </div>
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
      <div class="flash" aria-live="polite">${this.error ? '' : this.flash}</div>
    `;
  }
}
customElements.define('tiksim-quick-events', TiksimQuickEvents);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-quick-events': TiksimQuickEvents;
  }
}
