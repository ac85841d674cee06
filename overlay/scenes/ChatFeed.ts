import Phaser from 'phaser';
import type { ChatData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { cleanText } from '../logic/text.ts';
import { ChatRow } from './chat-row.ts';

interface Msg {
  msgId: string;
  userId: string;
  nickname: string;
  comment: string;
  avatarId: string;
  queuedAt: number;
  arrivedAt: number;
}

const GAP = 12;
const SLIDE_MS = 240;
const MEDIA_WAIT_MS = 1500;

/** The chat feed: the last few messages, newest at the bottom; a flood skips to the newest instead of lagging. */
export class ChatFeed extends Phaser.Scene {
  private rows: ChatRow[] = [];
  private visible: ChatRow[] = [];
  private readonly pending: Msg[] = [];
  private moving = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'ChatFeed', active: true });
  }

  create(): void {
    const L = this.ctx.layout.chat;
    for (let i = 0; i < L.lines + 2; i++) this.rows.push(new ChatRow(this, L.width));
    this.ctx.bus.on('chat', (c, at) => this.onChat(c, at));
    this.ctx.busy.set('ChatFeed', () => this.pending.length > 0 || this.moving > 0);
    this.ctx.sceneReady('ChatFeed');
  }

  private onChat(c: ChatData, at: number): void {
    const comment = cleanText(c.comment);
    if (!comment) return;
    const media = this.ctx.media;
    this.pending.push({ msgId: c.msgId, userId: c.userId, nickname: cleanText(c.nickname) || cleanText(c.uniqueId), comment,
      avatarId: media.request(c.profilePictureUrl, 'avatar'), queuedAt: this.time.now, arrivedAt: at });
    // A flood: only the newest few can ever be seen, so older pending ones are skipped.
    const max = this.ctx.layout.chat.lines;
    while (this.pending.length > max) {
      const m = this.pending.shift()!;
      this.ctx.checkpoint(`chat:${m.msgId}:skipped`);
    }
  }

  override update(time: number): void {
    if (this.moving > 0 || this.pending.length === 0) return;
    const m = this.pending[0]!;
    if (!this.ctx.media.settled(m.avatarId) && time - m.queuedAt < MEDIA_WAIT_MS) return;
    this.pending.shift();
    this.push(m);
  }

  private push(m: Msg): void {
    const L = this.ctx.layout.chat;
    const fast = this.pending.length > 1;
    const dur = fast ? SLIDE_MS / 2 : SLIDE_MS;
    const row = this.rows.find((r) => !this.visible.includes(r) && !r.visible) ?? this.visible[0]!;
    if (this.visible[0] === row) this.visible.shift();
    this.ctx.media.acquire(m.avatarId);
    row.setData('avatarId', m.avatarId);
    row.fill(m.userId, m.nickname, m.comment, this.ctx.media.textureKey(m.avatarId, 'avatar'));
    row.setPosition(L.x, L.bottom - row.rowH).setAlpha(0).setVisible(true);
    if (m.arrivedAt > 0) this.ctx.latency.push(Math.max(0, performance.now() - m.arrivedAt));
    const shift = row.rowH + GAP;
    this.visible.push(row);
    // Oldest rows beyond the line count fade out while everything moves up.
    const drop = this.visible.length > L.lines ? this.visible.splice(0, this.visible.length - L.lines) : [];
    this.moving++;
    for (const r of this.visible) {
      if (r === row) continue;
      this.moving++;
      this.tweens.add({ targets: r, y: r.y - shift, duration: dur, ease: 'Cubic.easeOut', onComplete: () => this.moving-- });
    }
    for (const r of drop) {
      this.moving++;
      this.tweens.add({
        targets: r, alpha: 0, y: r.y - shift, duration: dur, ease: 'Cubic.easeOut',
        onComplete: () => {
          r.setVisible(false);
          this.ctx.media.release(String(r.getData('avatarId')));
          this.moving--;
        },
      });
    }
    row.y += 24;
    this.tweens.add({
      targets: row, alpha: 1, y: L.bottom - row.rowH, duration: dur, ease: 'Cubic.easeOut',
      onComplete: () => {
        this.moving--;
        this.ctx.checkpoint(`chat:${m.msgId}`);
      },
    });
  }
}
