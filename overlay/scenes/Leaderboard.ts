import Phaser from 'phaser';
import type { RoomUserData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { cleanText, compactNumber, truncate } from '../logic/text.ts';
import type { MediaLease } from '../media/media-cache.ts';
import { fitText } from './gift-card.ts';
import { addPanel, drawPanel, setTextIfChanged, textStyle, tinted, type Panel } from '../ui.ts';

const TOP = 3;
const MEDALS = [0xffc531, 0xd9dde6, 0xe0925a];

interface Pending {
  data: RoomUserData;
  leases: MediaLease[];
  arrivedAt: number;
}

/** Viewer count and the top viewers by coins, from roomUser (newest wins; avatars are swapped in once loaded). */
export class Leaderboard extends Phaser.Scene {
  private panel!: Panel;
  private viewers!: Phaser.GameObjects.Text;
  private eye!: Phaser.GameObjects.Image;
  private rows: { avatar: Phaser.GameObjects.Image; ring: Phaser.GameObjects.Image; name: Phaser.GameObjects.Text; coins: Phaser.GameObjects.Text }[] = [];
  private pending: Pending | null = null;
  private held: MediaLease[] = [];
  private boardH = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Leaderboard', active: true });
  }

  create(): void {
    const { x, y } = this.ctx.layout.leaderboard;
    this.panel = addPanel(this).setPosition(x, y).setVisible(false);
    this.eye = this.add.image(x + 38, y + 33, 'eye').setDisplaySize(34, 34).setVisible(false);
    this.viewers = this.add.text(x + 64, y + 32, '', textStyle(32)).setOrigin(0, 0.5).setVisible(false);
    for (let i = 0; i < TOP; i++) {
      const ry = y + 96 + i * 62;
      this.rows.push({
        ring: this.add.image(x + 36, ry, tinted(this.textures, 'ring', MEDALS[i]!)).setDisplaySize(58, 58).setVisible(false),
        avatar: this.add.image(x + 36, ry, 'fallback-avatar').setDisplaySize(48, 48).setVisible(false),
        name: this.add.text(x + 72, ry, '', textStyle(24)).setOrigin(0, 0.5).setVisible(false),
        coins: this.add.text(x + 330, ry, '', textStyle(22, '#ffd84d')).setOrigin(1, 0.5).setVisible(false),
      });
    }
    this.ctx.bus.on('roomUser', (r, arrivedAt) => {
      const leases = r.topViewers.slice(0, TOP).map((t) => this.ctx.media.request(t.user.profilePictureUrl, 'avatar'));
      this.pending = { data: r, leases, arrivedAt };
    });
    this.ctx.boxes.set('Leaderboard', (out) => {
      if (this.panel.visible) out.push({ part: 'leaderboard', id: 'board', x: this.panel.x, y: this.panel.y, w: this.boardH ? 350 : 0, h: this.boardH });
    });
    this.ctx.busy.set('Leaderboard', () => this.pending !== null || this.held.some((l) => l.state === 'loading'));
    this.ctx.sceneReady('Leaderboard');
  }

  override update(): void {
    // Swap in avatars that finished loading after their board was drawn.
    for (let i = 0; i < this.held.length; i++) {
      const r = this.rows[i]!;
      const key = this.ctx.media.textureKey(this.held[i]!);
      if (r.avatar.visible && r.avatar.texture.key !== key) r.avatar.setTexture(key).setDisplaySize(48, 48);
    }
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.apply(p);
    if (p.arrivedAt > 0) this.ctx.drawn(p.arrivedAt);
  }

  private apply(p: Pending): void {
    const { x, y } = this.ctx.layout.leaderboard;
    const media = this.ctx.media;
    const held = p.leases.map((l) => media.hold(l));
    for (const l of this.held) media.release(l);
    this.held = held;
    const count = Number.isFinite(p.data.viewerCount) ? Math.max(0, p.data.viewerCount) : 0;
    setTextIfChanged(this.viewers, compactNumber(count));
    this.viewers.setVisible(true);
    this.eye.setVisible(true);
    const top = p.data.topViewers.slice(0, TOP);
    const panelH = 66 + (top.length ? top.length * 62 + 10 : 0);
    drawPanel(this.panel, 350, panelH, 30, { alpha: 0.66 });
    this.boardH = panelH;
    this.panel.setVisible(true);
    this.rows.forEach((r, i) => {
      const t = top[i];
      const on = t !== undefined;
      r.avatar.setVisible(on);
      r.ring.setVisible(on);
      r.name.setVisible(on);
      r.coins.setVisible(on);
      if (!t) return;
      const ry = y + 96 + i * 62;
      r.avatar.setTexture(media.textureKey(held[i]!)).setDisplaySize(48, 48).setPosition(x + 36, ry);
      setTextIfChanged(r.coins, `${compactNumber(t.coinCount)} 🪙`);
      // The name gets what the coins leave of the row, so a long name never runs under them.
      fitText(r.name, truncate(cleanText(t.user.nickname) || cleanText(t.user.uniqueId) || 'viewer', 14), 330 - 72 - r.coins.width - 6);
    });
    this.ctx.checkpoint(`leaderboard:${count}`);
  }
}
