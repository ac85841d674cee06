import Phaser from 'phaser';
import type { RoomUserData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { cleanText, compactNumber, truncate } from '../logic/text.ts';
import { drawPanel, textStyle } from '../ui.ts';

const TOP = 3;
const MEDALS = [0xffc531, 0xd9dde6, 0xe0925a];
const MEDIA_WAIT_MS = 1500;

interface Pending {
  data: RoomUserData;
  ids: string[];
  at: number;
}

/** Viewer count and the top viewers by coins, from roomUser (newest wins; applied once their avatars are in). */
export class Leaderboard extends Phaser.Scene {
  private panel!: Phaser.GameObjects.Graphics;
  private viewers!: Phaser.GameObjects.Text;
  private eye!: Phaser.GameObjects.Image;
  private rows: { avatar: Phaser.GameObjects.Image; ring: Phaser.GameObjects.Graphics; name: Phaser.GameObjects.Text; coins: Phaser.GameObjects.Text }[] = [];
  private pending: Pending | null = null;
  private held: string[] = [];

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Leaderboard', active: true });
  }

  create(): void {
    const { x, y } = this.ctx.layout.leaderboard;
    this.panel = this.add.graphics().setPosition(x, y).setVisible(false);
    this.eye = this.add.image(x + 38, y + 33, 'eye').setDisplaySize(34, 34).setVisible(false);
    this.viewers = this.add.text(x + 64, y + 32, '', textStyle(32)).setOrigin(0, 0.5).setVisible(false);
    for (let i = 0; i < TOP; i++) {
      const ry = y + 96 + i * 62;
      this.rows.push({
        ring: this.add.graphics().setVisible(false),
        avatar: this.add.image(x + 36, ry, 'fallback-avatar').setDisplaySize(48, 48).setVisible(false),
        name: this.add.text(x + 72, ry, '', textStyle(24)).setOrigin(0, 0.5).setVisible(false),
        coins: this.add.text(x + 330, ry, '', textStyle(22, '#ffd84d')).setOrigin(1, 0.5).setVisible(false),
      });
    }
    this.ctx.bus.on('roomUser', (r) => {
      const ids = r.topViewers.slice(0, TOP).map((t) => this.ctx.media.request(t.user.profilePictureUrl, 'avatar'));
      this.pending = { data: r, ids, at: this.time.now };
    });
    this.ctx.busy.set('Leaderboard', () => this.pending !== null);
    this.ctx.sceneReady('Leaderboard');
  }

  override update(time: number): void {
    const p = this.pending;
    if (!p) return;
    if (!p.ids.every((id) => this.ctx.media.settled(id)) && time - p.at < MEDIA_WAIT_MS) return;
    this.pending = null;
    this.apply(p);
  }

  private apply(p: Pending): void {
    const { x, y } = this.ctx.layout.leaderboard;
    const media = this.ctx.media;
    for (const id of p.ids) media.acquire(id);
    for (const id of this.held) media.release(id);
    this.held = p.ids;
    const count = Number.isFinite(p.data.viewerCount) ? Math.max(0, p.data.viewerCount) : 0;
    this.viewers.setText(compactNumber(count)).setVisible(true);
    this.eye.setVisible(true);
    const top = p.data.topViewers.slice(0, TOP);
    const panelH = 66 + (top.length ? top.length * 62 + 10 : 0);
    drawPanel(this.panel, 350, panelH, 30, { alpha: 0.66 });
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
      r.avatar.setTexture(media.textureKey(p.ids[i]!, 'avatar')).setDisplaySize(48, 48);
      r.ring.clear().lineStyle(4, MEDALS[i]!, 1).strokeCircle(x + 36, ry, 26);
      r.name.setText(truncate(cleanText(t.user.nickname) || cleanText(t.user.uniqueId) || 'viewer', 14));
      r.coins.setText(`${compactNumber(t.coinCount)} 🪙`);
    });
    this.ctx.checkpoint(`leaderboard:${count}`);
  }
}
