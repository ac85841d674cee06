import { LitElement, css, html, nothing } from 'lit';
import { api } from './api.ts';
import type { ApiError, UserSpec, ViewerSummary } from './api-types.ts';
import { DebounceController } from './debounce-controller.ts';
import { emit } from './events.ts';
import { baseStyles, cardStyles } from './styles.ts';
import './tiksim-error-note.ts';

type Mode = 'random' | 'new' | 'existing' | 'face';

const MODES: { id: Mode; label: string }[] = [
  { id: 'random', label: 'Random viewer' },
  { id: 'new', label: 'New viewer' },
  { id: 'existing', label: 'Pick viewer' },
  { id: 'face', label: 'Real face' },
];

/**
 * Who sends the next events: a random viewer, a brand-new one, an existing one (GET /api/viewers?q=) or one with a
 * real face photo (GET /api/viewers?faces=1), plus flags. Emits `sender-change` with the `user` spec for POST /api/events.
 */
export class TiksimSenderPicker extends LitElement {
  static override properties = {
    mode: { state: true },
    query: { state: true },
    results: { state: true },
    picked: { state: true },
    moderator: { state: true },
    subscriber: { state: true },
    followRole: { state: true },
    gifterLevel: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .modes { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px; background: var(--bg); padding: 3px; border-radius: 9px; border: 1px solid var(--line); }
      .modes button { border: 0; background: transparent; padding: 6px 4px; }
      .modes button[aria-pressed='true'] { background: var(--card-2); box-shadow: 0 0 0 1px var(--line); color: var(--cyan); }
      .people { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; max-height: 92px; overflow-y: auto; }
      .person { display: flex; align-items: center; gap: 6px; padding: 3px 10px 3px 3px; border-radius: 999px; }
      .person img { width: 24px; height: 24px; border-radius: 50%; object-fit: cover; background: var(--bg); }
      .person[aria-pressed='true'] { border-color: var(--cyan); color: var(--cyan); }
      .flags { margin-top: 10px; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
      .flags label { display: flex; align-items: center; gap: 5px; color: var(--text); }
      .flags input[type='number'] { width: 64px; }
      .who { margin-top: 8px; font-size: 12px; }
      .who b { color: var(--cyan); }
      @media (max-width: 480px) {
        .modes { grid-template-columns: repeat(2, 1fr); }
      }
    `,
  ];

  declare mode: Mode;
  declare query: string;
  declare results: ViewerSummary[];
  declare picked: ViewerSummary | null;
  declare moderator: boolean;
  declare subscriber: boolean;
  declare followRole: string;
  declare gifterLevel: string;
  declare error: ApiError | null;
  private readonly debounce = new DebounceController(this, 200);

  constructor() {
    super();
    this.mode = 'random';
    this.query = '';
    this.results = [];
    this.picked = null;
    this.moderator = false;
    this.subscriber = false;
    this.followRole = '';
    this.gifterLevel = '';
    this.error = null;
  }

  override firstUpdated(): void {
    this.announce();
  }

  private async search(): Promise<void> {
    const path = this.mode === 'face' ? '/api/viewers?faces=1&limit=24' : `/api/viewers?q=${encodeURIComponent(this.query)}&limit=24`;
    const r = await api.get<{ viewers: ViewerSummary[] }>(path);
    if (r.ok) {
      this.results = r.value.viewers;
      this.error = null;
    } else this.error = r.error;
  }

  private setMode(m: Mode): void {
    this.mode = m;
    this.picked = null;
    this.results = [];
    if (m === 'existing' || m === 'face') void this.search();
    this.announce();
  }

  private pick(v: ViewerSummary): void {
    this.picked = v;
    this.announce();
  }

  /** The `user` spec of POST /api/events for the current choice. */
  spec(): UserSpec {
    const u: UserSpec = {};
    if (this.picked) u.uniqueId = this.picked.uniqueId;
    else if (this.mode === 'new') u.new = true;
    else if (this.mode === 'face') u.face = true;
    else u.random = true;
    if (this.moderator) u.isModerator = true;
    if (this.subscriber) u.isSubscriber = true;
    if (this.followRole !== '') u.followRole = Number(this.followRole);
    if (this.gifterLevel.trim() !== '') u.gifterLevel = Number(this.gifterLevel);
    return u;
  }

  private label(): string {
    if (this.picked) return `@${this.picked.uniqueId}`;
    return { random: 'a random viewer', new: 'a new viewer', existing: 'a random viewer', face: 'a viewer with a face photo' }[this.mode];
  }

  private announce(): void {
    emit(this, 'sender-change', { user: this.spec(), label: this.label() });
  }

  private flag(update: () => void): (e: Event) => void {
    return () => {
      update();
      this.announce();
    };
  }

  override render() {
    const showList = this.mode === 'existing' || this.mode === 'face';
    return html`
      <h2>Sender</h2>
      <div class="modes" role="group" aria-label="Sender kind">
        ${MODES.map((m) => html`<button type="button" aria-pressed=${this.mode === m.id ? 'true' : 'false'} @click=${() => this.setMode(m.id)}>${m.label}</button>`)}
      </div>
      ${this.mode === 'existing'
        ? html`<div class="row" style="margin-top:8px">
            <input
              class="grow"
              type="search"
              aria-label="Search viewers"
              placeholder="Search viewers by @name or nickname…"
              .value=${this.query}
              @input=${(e: Event) => {
                this.query = (e.target as HTMLInputElement).value;
                this.debounce.run(() => void this.search());
              }}
            />
          </div>`
        : nothing}
      ${showList
        ? html`<div class="people" role="group" aria-label="Viewers">
            ${this.results.map(
              (v) => html`<button type="button" class="person" aria-pressed=${this.picked?.uniqueId === v.uniqueId ? 'true' : 'false'} @click=${() => this.pick(v)} title=${v.nickname ?? v.uniqueId}>
                <img src=${api.media(v.profilePictureUrl)} alt="" loading="lazy" />@${v.uniqueId}
              </button>`,
            )}
            ${this.results.length === 0 ? html`<span class="muted">No viewers found.</span>` : nothing}
          </div>`
        : nothing}
      <div class="flags">
        <label><input type="checkbox" .checked=${this.moderator} @change=${this.flag(() => (this.moderator = !this.moderator))} />Moderator</label>
        <label><input type="checkbox" .checked=${this.subscriber} @change=${this.flag(() => (this.subscriber = !this.subscriber))} />Subscriber</label>
        <label for="follow-role">Follow</label>
        <select id="follow-role" .value=${this.followRole} @change=${(e: Event) => this.flag(() => (this.followRole = (e.target as HTMLSelectElement).value))(e)}>
          <option value="">as is</option>
          <option value="0">none</option>
          <option value="1">follower</option>
          <option value="2">friends</option>
        </select>
        <label for="gifter-level">Gifter level</label>
        <input id="gifter-level" type="number" min="0" max="50" placeholder="as is" .value=${this.gifterLevel} @input=${(e: Event) => this.flag(() => (this.gifterLevel = (e.target as HTMLInputElement).value))(e)} />
      </div>
      <div class="who" aria-live="polite">Next events come from <b>${this.label()}</b></div>
      <tiksim-error-note .error=${this.error}></tiksim-error-note>
    `;
  }
}
customElements.define('tiksim-sender-picker', TiksimSenderPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tiksim-sender-picker': TiksimSenderPicker;
  }
}
