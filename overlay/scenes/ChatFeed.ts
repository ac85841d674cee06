import Phaser from 'phaser';
import type { ChatData, EmoteData } from '../../protocol/index.ts';
import type { Message } from '../../protocol/message.ts';
import type { OverlayContext } from '../context.ts';
import { FrameClock, easeShare } from '../logic/motion.ts';
import { cleanText } from '../logic/text.ts';
import { ChatRow, ROW_EMOTES, type RowExtras } from './chat-row.ts';

interface Msg {
  msgId: string;
  userId: string;
  nickname: string;
  comment: string;
  avatarUrl: string;
  /** Emote pictures and where they sit in the comment. */
  emotes: { url: string; placeInComment: number }[];
  arrivedAt: number;
  /** The platform mark (only when the overlay also reads Twitch) and the sender's own name colour. */
  extras: RowExtras;
}

const GAP = 12;
/** The stack scrolls into place with this time constant (ms): ~240 ms to settle, with no tween objects. */
const EASE_MS = 55;

/**
 * The chat feed: the last few messages, newest at the bottom, as one stack of cards that never overlap. A message is
 * drawn on the step after it arrives: the stack scrolls up by the new card's height, and the new card grows into the
 * room that opens at the bottom (a card scrolled past the top shrinks out the same way), so every card stays inside
 * the chat's region and inside its own slot of the stack. A flood skips to the newest lines.
 */
export class ChatFeed extends Phaser.Scene {
  private readonly rows: ChatRow[] = [];
  /** On screen, oldest first (leaving rows included: they keep their slot while they fade). */
  private readonly stack: ChatRow[] = [];
  private readonly pending: Msg[] = [];
  /** How far (px) the stack still has to scroll up; eases to 0. */
  private scroll = 0;
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
    // Twitch chat from the merged socket (?aggregate=): every line then carries its platform's mark.
    this.ctx.bus.on('twitch', (m, at) => this.onTwitch(m, at));
    this.ctx.busy.set('ChatFeed', () => this.pending.length > 0 || this.moving);
    this.ctx.boxes.set('ChatFeed', (out) => {
      for (const r of this.stack) {
        if (!r.visible || r.scaleY <= 0) continue;
        out.push({ part: 'chat', id: r.boxId, x: r.x, y: r.y, w: r.cardW * r.scaleX, h: r.rowH * r.scaleY });
      }
    });
    this.ctx.sceneReady('ChatFeed');
  }

  private onChat(c: ChatData, at: number): void {
    const comment = cleanText(c.comment);
    const emotes = (c.emotes ?? []).filter((e) => e.emoteImageUrl).map((e) => ({ url: e.emoteImageUrl, placeInComment: e.placeInComment }));
    if (!comment && !emotes.length) return;
    this.queue({ msgId: c.msgId, userId: c.userId, nickname: cleanText(c.nickname) || cleanText(c.uniqueId), comment, avatarUrl: c.profilePictureUrl, emotes, arrivedAt: at, extras: this.tiktokMark });
  }

  /** TikTok lines are marked only when Twitch lines sit beside them; alone, a mark on every line is noise. */
  private get tiktokMark(): RowExtras {
    return this.ctx.params.aggregate ? { platform: 'tiktok' } : {};
  }

  /**
   * A Twitch chat line, or a cheer's message (Twitch shows those in chat too; its alert is GiftAlerts'). Twitch's
   * emotes are words of the text (`Kappa`), shown as the words: their pictures are on Twitch's CDN.
   */
  private onTwitch(m: Message, at: number): void {
    if (m.kind !== 'chat' && m.kind !== 'cheer') return;
    const comment = cleanText(m.text ?? '');
    if (!comment) return;
    const u = m.user;
    this.queue({ msgId: m.id, userId: u?.id || m.id, nickname: cleanText(u?.displayName ?? '') || cleanText(u?.name ?? ''), comment, avatarUrl: u?.picture ?? '', emotes: [], arrivedAt: at,
      extras: { platform: 'twitch', ...(u?.color ? { color: u.color } : {}) } });
  }

  private onEmote(e: EmoteData, at: number): void {
    if (!e.emoteImageUrl) return;
    this.queue({ msgId: e.msgId, userId: e.userId, nickname: cleanText(e.nickname) || cleanText(e.uniqueId), comment: '', avatarUrl: e.profilePictureUrl,
      emotes: [{ url: e.emoteImageUrl, placeInComment: 0 }], arrivedAt: at, extras: this.tiktokMark });
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

  private readonly clock = new FrameClock();

  override update(time: number): void {
    for (let i = 0; i < this.pending.length; i++) this.push(this.pending[i]!);
    this.pending.length = 0;
    // Game time, not Phaser's smoothed delta: on a slow page rows must still settle in ~240 ms.
    this.animate(this.clock.dt(time));
  }

  private seq = 0;

  private push(m: Msg): void {
    const L = this.ctx.layout.chat;
    const media = this.ctx.media;
    const row = this.freeRow();
    const lease = media.hold(media.request(m.avatarUrl, 'avatar'));
    row.lease = lease;
    row.msgId = m.msgId;
    row.boxId = m.msgId || `row${++this.seq}`;
    row.leaving = false;
    const asked = m.emotes.slice(0, ROW_EMOTES).map((e) => {
      const l = media.request(e.url, 'gift');
      return { placeInComment: e.placeInComment, key: media.textureKey(l), lease: l };
    });
    // Only the emotes left in the drawn text keep their pictures.
    row.emoteLeases = row.fill(m.userId, m.nickname, m.comment, media.textureKey(lease), asked, m.extras).map((e) => media.hold(e.lease));
    // The stack moves up by the new card and its gap; a flood never scrolls more than the region holds.
    this.scroll = Math.min(this.scroll + row.rowH + GAP, this.ctx.layout.regions.chat.h + row.rowH + GAP);
    row.setPosition(L.x, L.bottom).setScale(0).setAlpha(0.35).setVisible(true);
    this.stack.push(row);
    let kept = 0;
    for (let i = this.stack.length - 1; i >= 0; i--) if (!this.stack[i]!.leaving && ++kept > L.lines) this.stack[i]!.leaving = true;
    // Drawn this step (growing in from the bottom), so arrival-to-screen is the next render.
    if (m.arrivedAt > 0) this.ctx.drawn(m.arrivedAt);
  }

  private freeRow(): ChatRow {
    for (const r of this.rows) if (!r.visible) return r;
    // Every row is busy (a flood): the oldest on screen is finished at once.
    const r = this.stack[0]!;
    this.retire(r);
    return r;
  }

  private retire(r: ChatRow): void {
    r.setVisible(false);
    r.leaving = false;
    const i = this.stack.indexOf(r);
    if (i >= 0) this.stack.splice(i, 1);
    this.ctx.media.release(r.lease);
    r.lease = null;
    for (const l of r.emoteLeases) this.ctx.media.release(l);
    r.emoteLeases = [];
  }

  private animate(delta: number): void {
    const k = easeShare(Math.max(0, delta), EASE_MS);
    const R = this.ctx.layout.regions.chat;
    const L = this.ctx.layout.chat;
    const media = this.ctx.media;
    this.scroll *= 1 - k;
    if (this.scroll < 0.5) this.scroll = 0;
    let moving = this.scroll > 0;
    // Newest first, from the bottom up: each card's slot is its height, then a gap, above the card below it.
    let bottom = L.bottom + this.scroll;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const r = this.stack[i]!;
      const top = bottom - r.rowH;
      const slotBottom = bottom;
      bottom = top - GAP;
      if (slotBottom <= R.y) {
        // Scrolled past the top of the region.
        this.retire(r);
        continue;
      }
      // A card pushed partly past the top has no room left: it shrinks out and fades.
      if (top < R.y) r.leaving = true;
      // The part of the slot inside the region: the card is drawn scaled into it (growing in, shrinking out).
      const y0 = Math.max(top, R.y);
      const y1 = Math.min(slotBottom, L.bottom);
      const scale = y1 > y0 ? (y1 - y0) / r.rowH : 0;
      // A whole card sits on whole pixels (kept inside the region): its baked picture is then a plain copy, not a
      // filtered draw. A card growing or shrinking is scaled anyway.
      const y = scale === 1 ? Math.max(Math.ceil(R.y), Math.min(Math.round(y0), Math.floor(L.bottom - r.rowH))) : y0;
      r.setPosition(L.x, y).setScale(scale);
      if (r.lease) r.setAvatar(media.textureKey(r.lease));
      r.emoteLeases.forEach((l, j) => r.setEmote(j, media.textureKey(l)));
      const goal = r.leaving ? 0 : 1;
      const da = goal - r.alpha;
      if (r.leaving && r.alpha < 0.03) {
        this.retire(r);
        continue;
      }
      if (Math.abs(da) >= 0.02) {
        r.alpha += da * Math.min(1, r.leaving ? k * 2.5 : k * 1.4);
        moving = true;
      } else if (r.alpha !== goal) {
        r.setAlpha(goal);
      }
      if (scale === 1 && r.alpha === 1 && this.scroll === 0) {
        if (r.msgId) {
          this.ctx.checkpoint(`chat:${r.msgId}`);
          r.msgId = '';
        }
        if (r.lease && r.lease.state === 'loading') moving = true;
        if (r.emoteLeases.some((l) => l.state === 'loading')) moving = true;
      } else {
        moving = true;
      }
    }
    this.moving = moving;
  }
}
