import Phaser from 'phaser';
import type { ChatData, EmoteData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { cleanText } from '../logic/text.ts';
import { ChatRow, ROW_EMOTES } from './chat-row.ts';

interface Msg {
  msgId: string;
  userId: string;
  nickname: string;
  comment: string;
  avatarUrl: string;
  /** Emote pictures and where they sit in the comment. */
  emotes: { url: string; placeInComment: number }[];
  arrivedAt: number;
}

const GAP = 12;
/** Rows ease towards their place with this time constant (ms): ~240 ms to settle, with no tween objects. */
const EASE_MS = 55;

/**
 * The chat feed: the last few messages, newest at the bottom. A message is drawn on the step after it arrives: rows
 * ease into place each frame instead of waiting for a slide to finish, and a flood skips to the newest lines.
 */
export class ChatFeed extends Phaser.Scene {
  private readonly rows: ChatRow[] = [];
  /** On screen, oldest first (leaving rows excluded). */
  private readonly visible: ChatRow[] = [];
  private readonly pending: Msg[] = [];
  private moving = false;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'ChatFeed', active: true });
  }

  create(): void {
    const L = this.ctx.layout.chat;
    for (let i = 0; i < 2 * L.lines + 1; i++) this.rows.push(new ChatRow(this, L.width));
    this.ctx.bus.on('chat', (c, at) => this.onChat(c, at));
    // An emote sent on its own shows as a chat line holding just the emote.
    this.ctx.bus.on('emote', (e, at) => this.onEmote(e, at));
    this.ctx.busy.set('ChatFeed', () => this.pending.length > 0 || this.moving);
    this.ctx.sceneReady('ChatFeed');
  }

  private onChat(c: ChatData, at: number): void {
    const comment = cleanText(c.comment);
    const emotes = (c.emotes ?? []).filter((e) => e.emoteImageUrl).map((e) => ({ url: e.emoteImageUrl, placeInComment: e.placeInComment }));
    if (!comment && !emotes.length) return;
    this.queue({ msgId: c.msgId, userId: c.userId, nickname: cleanText(c.nickname) || cleanText(c.uniqueId), comment, avatarUrl: c.profilePictureUrl, emotes, arrivedAt: at });
  }

  private onEmote(e: EmoteData, at: number): void {
    if (!e.emoteImageUrl) return;
    this.queue({ msgId: e.msgId, userId: e.userId, nickname: cleanText(e.nickname) || cleanText(e.uniqueId), comment: '', avatarUrl: e.profilePictureUrl,
      emotes: [{ url: e.emoteImageUrl, placeInComment: 0 }], arrivedAt: at });
  }

  private queue(m: Msg): void {
    this.pending.push(m);
    // A flood: only the newest few can ever be seen, so older pending ones are skipped.
    const max = this.ctx.layout.chat.lines;
    while (this.pending.length > max) {
      const m = this.pending.shift()!;
      this.ctx.checkpoint(`chat:${m.msgId}:skipped`);
    }
  }

  private lastTime = -1;

  override update(time: number): void {
    for (let i = 0; i < this.pending.length; i++) this.push(this.pending[i]!);
    this.pending.length = 0;
    // Game time, not Phaser's smoothed delta: on a slow page rows must still settle in ~240 ms.
    const dt = this.lastTime < 0 ? 16 : Math.min(250, Math.max(0, time - this.lastTime));
    this.lastTime = time;
    this.animate(dt);
  }

  private push(m: Msg): void {
    const L = this.ctx.layout.chat;
    const media = this.ctx.media;
    const row = this.freeRow();
    const lease = media.hold(media.request(m.avatarUrl, 'avatar'));
    row.lease = lease;
    row.msgId = m.msgId;
    row.leaving = false;
    const asked = m.emotes.slice(0, ROW_EMOTES).map((e) => {
      const l = media.request(e.url, 'gift');
      return { placeInComment: e.placeInComment, key: media.textureKey(l), lease: l };
    });
    // Only the emotes left in the drawn text keep their pictures.
    row.emoteLeases = row.fill(m.userId, m.nickname, m.comment, media.textureKey(lease), asked).map((e) => media.hold(e.lease));
    const shift = row.rowH + GAP;
    for (const r of this.visible) r.targetY -= shift;
    for (const r of this.rows) if (r.leaving) r.targetY -= shift;
    row.targetY = L.bottom - row.rowH;
    // Visible on its first frame (partly faded in), so arrival-to-screen is the next render.
    row.setPosition(L.x, row.targetY + 24).setAlpha(0.35).setVisible(true);
    this.visible.push(row);
    while (this.visible.length > L.lines) this.visible.shift()!.leaving = true;
    if (m.arrivedAt > 0) this.ctx.drawn(m.arrivedAt);
  }

  private freeRow(): ChatRow {
    for (const r of this.rows) if (!r.visible) return r;
    // Every row is busy (a flood): the oldest leaving row is finished at once.
    let oldest: ChatRow | null = null;
    for (const r of this.rows) if (r.leaving && (!oldest || r.targetY < oldest.targetY)) oldest = r;
    const r = oldest ?? this.visible.shift()!;
    this.retire(r);
    return r;
  }

  private retire(r: ChatRow): void {
    r.setVisible(false);
    r.leaving = false;
    this.ctx.media.release(r.lease);
    r.lease = null;
    for (const l of r.emoteLeases) this.ctx.media.release(l);
    r.emoteLeases = [];
  }

  private animate(delta: number): void {
    const k = 1 - Math.exp(-Math.max(0, delta) / EASE_MS);
    const media = this.ctx.media;
    let moving = false;
    for (const r of this.rows) {
      if (!r.visible) continue;
      if (r.lease) r.setAvatar(media.textureKey(r.lease));
      r.emoteLeases.forEach((l, i) => r.setEmote(i, media.textureKey(l)));
      const dy = r.targetY - r.y;
      const goal = r.leaving ? 0 : 1;
      const da = goal - r.alpha;
      if (Math.abs(dy) < 0.5 && Math.abs(da) < 0.02) {
        if (r.leaving) {
          this.retire(r);
          continue;
        }
        if (r.y !== r.targetY || r.alpha !== 1) r.setPosition(r.x, r.targetY).setAlpha(1);
        if (r.msgId) {
          this.ctx.checkpoint(`chat:${r.msgId}`);
          r.msgId = '';
        }
        if (r.lease && r.lease.state === 'loading') moving = true;
        if (r.emoteLeases.some((l) => l.state === 'loading')) moving = true;
        continue;
      }
      moving = true;
      r.y += dy * k;
      r.alpha += da * Math.min(1, r.leaving ? k * 2.5 : k * 1.4);
    }
    this.moving = moving;
  }
}
