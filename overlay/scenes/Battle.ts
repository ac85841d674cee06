import Phaser from 'phaser';
import type { LinkMicArmiesData, LinkMicBattleData } from '../../protocol/index.ts';
import type { OverlayContext } from '../context.ts';
import { BattleState, type BattleView } from '../logic/battle-state.ts';
import { FrameClock, easeShare, fadeToward } from '../logic/motion.ts';
import { compactNumber, cleanText, truncate } from '../logic/text.ts';
import type { MediaLease } from '../media/media-cache.ts';
import { COLORS, addPanel, drawPanel, setTextIfChanged, textStyle, tinted, type Panel } from '../ui.ts';
import { fitText } from './gift-card.ts';

/** Side colours: TikTok's red for the streamer, blue for the opponent, then gold and purple for team battles. */
const SIDE_COLORS = [0xfe2c55, 0x2f8cff, COLORS.gold, COLORS.purple];
/** Displayed points ease to the real ones with this time constant (ms): a jump of 10,000 settles in ~0.8 s. */
const EASE_MS = 160;
const FADE_MS = 260;
const POP_MS = 220;

/** Points as TikTok shows them in a battle: in full with separators ("41,230"), compact from 1,000,000. */
const grouped = (n: number): string => (n >= 1_000_000 ? compactNumber(n) : Math.round(n).toLocaleString('en-US'));

/** One host's corner of the bar. */
interface SideView {
  avatar: Phaser.GameObjects.Image;
  ring: Phaser.GameObjects.Image;
  name: Phaser.GameObjects.Text;
  points: Phaser.GameObjects.Text;
  fill: Phaser.GameObjects.Image;
  lease: MediaLease | null;
  shown: number;
  target: number;
  popAt: number;
}

/**
 * The battle bar: each host's picture and name, a bar split by their points (easing as points come in), the leader's
 * ring and name in gold with a crown, and the result when the battle ends (the loser dimmed), then a clean fade.
 * Laid out from its region alone: the same code fills the portrait column and the landscape one.
 */
export class Battle extends Phaser.Scene {
  private readonly state = new BattleState();
  private box!: Phaser.GameObjects.Container;
  private panel!: Panel;
  private track!: Phaser.GameObjects.Image;
  private spark!: Phaser.GameObjects.Image;
  private center!: Phaser.GameObjects.Text;
  private crown!: Phaser.GameObjects.Text;
  private readonly sides: SideView[] = [];
  private view: BattleView = this.state.view;
  /** 0 hidden .. 1 shown; eases towards `want`. */
  private alpha = 0;
  private want = 0;
  private readonly clock = new FrameClock();
  private announced = '';
  private barX = 0;
  private barY = 0;
  private barW = 0;
  private barH = 0;
  private avatarPx = 0;

  constructor(private readonly ctx: OverlayContext) {
    super({ key: 'Battle', active: true });
  }

  create(): void {
    const R = this.ctx.layout.regions.battle;
    // Room for the panel's drop shadow (ui.ts draws it 6 px below the body) inside the region.
    const W = R.w;
    const H = R.h - 8;
    this.barH = Math.round(H * 0.3);
    this.barX = 14;
    this.barW = W - 28;
    this.barY = H - this.barH - 12;
    this.avatarPx = Math.round(Math.min(this.barY - 16, H * 0.52));
    this.makeBarTextures();
    this.panel = addPanel(this);
    drawPanel(this.panel, W, H, 24, { alpha: 0.8, edgeAlpha: 0.22 });
    this.track = this.add.image(this.barX, this.barY, 'battle-track').setOrigin(0, 0);
    this.box = this.add.container(R.x, R.y, [this.panel, this.track]);
    for (let i = 0; i < 4; i++) {
      const fill = this.add.image(this.barX, this.barY, `battle-bar-${i}`).setOrigin(0, 0).setVisible(false);
      const avatar = this.add.image(0, 0, 'fallback-avatar').setVisible(false);
      const ring = this.add.image(0, 0, 'ring').setVisible(false);
      const name = this.add.text(0, 0, '', textStyle(Math.round(H * 0.2))).setVisible(false);
      const points = this.add.text(0, 0, '', textStyle(Math.round(this.barH * 0.62))).setVisible(false);
      this.box.add([fill, avatar, ring, name, points]);
      this.sides.push({ avatar, ring, name, points, fill, lease: null, shown: 0, target: 0, popAt: -1 });
    }
    this.spark = this.add.image(0, this.barY + this.barH / 2, 'sparkle').setDisplaySize(this.barH * 1.6, this.barH * 1.6).setVisible(false);
    this.center = this.add.text(W / 2, this.barY + this.barH / 2, '', textStyle(Math.round(this.barH * 0.62), '#ffffff')).setOrigin(0.5);
    this.crown = this.add.text(0, 0, '👑', textStyle(Math.round(H * 0.2), '#ffffff', false, { strokeThickness: 0 })).setOrigin(0.5).setVisible(false);
    this.box.add([this.spark, this.center, this.crown]);
    this.box.setAlpha(0).setVisible(false);

    const { bus } = this.ctx;
    bus.on('linkMicBattle', (d) => this.onBattle(d));
    bus.on('linkMicArmies', (d) => this.onArmies(d));
    bus.on('battleFinish', () => this.finish());
    bus.on('streamEnd', () => this.finish());
    this.ctx.busy.set('Battle', () => this.box.visible && (this.alpha !== this.want || this.sides.some((s) => s.shown !== s.target) || this.popping()));
    this.ctx.boxes.set('Battle', (out) => {
      if (!this.box.visible) return;
      const s = this.box.scaleX;
      out.push({ part: 'battle', id: `battle#${this.view.seq}`, x: this.box.x, y: this.box.y, w: W * s, h: (H + 8) * s });
    });
    this.ctx.sceneReady('Battle');
  }

  /** The bar's fills (one per side colour) and its dark track, drawn once at the bar's size. */
  private makeBarTextures(): void {
    const w = this.barW;
    const h = this.barH;
    const draw = (key: string, paint: (g: CanvasRenderingContext2D) => void): void => {
      if (this.textures.exists(key)) return;
      const t = this.textures.createCanvas(key, w, h);
      if (!t) return;
      paint(t.context);
      t.refresh();
    };
    const round = (g: CanvasRenderingContext2D): void => {
      g.beginPath();
      g.roundRect(0, 0, w, h, h / 2);
    };
    draw('battle-track', (g) => {
      round(g);
      g.fillStyle = 'rgba(0,0,0,0.45)';
      g.fill();
    });
    SIDE_COLORS.forEach((c, i) =>
      draw(`battle-bar-${i}`, (g) => {
        const hex = `#${c.toString(16).padStart(6, '0')}`;
        const grad = g.createLinearGradient(0, 0, 0, h);
        grad.addColorStop(0, 'rgba(255,255,255,0.55)');
        grad.addColorStop(0.45, hex);
        grad.addColorStop(1, hex);
        round(g);
        g.fillStyle = grad;
        g.fill();
      }),
    );
  }

  private onBattle(d: LinkMicBattleData): void {
    const users = (Array.isArray(d.battleUsers) ? d.battleUsers : []).filter((u) => u && typeof u.userId === 'string');
    if (!users.length) return;
    this.show(this.state.start(users.map((u) => ({ ...u, nickname: cleanText(u.nickname) })), this.time.now));
  }

  private onArmies(d: LinkMicArmiesData): void {
    const armies = (Array.isArray(d.battleArmies) ? d.battleArmies : []).filter((a) => a && typeof a.hostUserId === 'string' && typeof a.points === 'number');
    if (this.state.armies(typeof d.battleStatus === 'number' ? d.battleStatus : 1, armies, this.time.now)) this.show(this.state.view);
  }

  private finish(): void {
    if (this.state.finish()) this.show(this.state.view);
  }

  /** Draws a new state of the battle: the hosts when they change, the points' targets, the leader, the result. */
  private show(v: BattleView): void {
    const fresh = v.seq !== this.view.seq;
    this.view = v;
    if (v.phase === 'idle') {
      this.want = 0;
      return;
    }
    this.want = 1;
    if (fresh) this.fillSides(v);
    v.sides.forEach((s, i) => {
      const sv = this.sides[i]!;
      if (s.points !== sv.target) sv.popAt = this.time.now;
      sv.target = s.points;
    });
    this.drawLeader();
  }

  private fillSides(v: BattleView): void {
    const n = v.sides.length;
    const media = this.ctx.media;
    const nameMax = n === 2 ? this.barW / 2 - this.avatarPx - 26 : this.barW / n - this.avatarPx - 14;
    this.sides.forEach((sv, i) => {
      const s = v.sides[i];
      if (sv.lease) media.release(sv.lease);
      sv.lease = null;
      const on = s !== undefined;
      for (const o of [sv.avatar, sv.ring, sv.name, sv.points, sv.fill]) o.setVisible(on);
      if (!s) return;
      sv.lease = media.hold(media.request(s.avatar, 'avatar'));
      sv.shown = 0;
      sv.target = 0;
      sv.popAt = -1;
      const a = this.avatarPx;
      // Two hosts face each other from the two ends; more share the width, left to right.
      const mirrored = n === 2 && i === 1;
      const slotX = n === 2 ? (mirrored ? this.barX + this.barW - a / 2 - 4 : this.barX + a / 2 + 4) : this.barX + (this.barW / n) * i + a / 2 + 4;
      const y = 10 + a / 2;
      sv.avatar.setPosition(slotX, y);
      sv.ring.setPosition(slotX, y).setDisplaySize(a + 8, a + 8);
      this.setAvatar(sv);
      fitText(sv.name, truncate(s.nickname, 20), nameMax);
      sv.name.setOrigin(mirrored ? 1 : 0, 0.5).setPosition(mirrored ? slotX - a / 2 - 10 : slotX + a / 2 + 10, n === 2 ? y : y - a * 0.2);
      sv.points.setText('0');
      if (n === 2) sv.points.setOrigin(mirrored ? 1 : 0, 0.5).setPosition(mirrored ? this.barX + this.barW - 16 : this.barX + 16, this.barY + this.barH / 2);
      else sv.points.setOrigin(0, 0.5).setPosition(slotX + a / 2 + 10, y + a * 0.28).setScale(0.8);
    });
    this.box.setVisible(true);
    this.announced = '';
  }

  private setAvatar(sv: SideView): void {
    if (!sv.lease) return;
    const key = this.ctx.media.textureKey(sv.lease);
    if (sv.avatar.texture.key !== key) sv.avatar.setTexture(key);
    sv.avatar.setDisplaySize(this.avatarPx, this.avatarPx);
  }

  /** The leader's ring and name in gold with a crown over their picture; at the end, the result in the middle. */
  private drawLeader(): void {
    const v = this.view;
    const n = v.sides.length;
    v.sides.forEach((_, i) => {
      const sv = this.sides[i]!;
      const lead = i === v.leader;
      sv.ring.setTexture(tinted(this.textures, 'ring', lead ? COLORS.gold : SIDE_COLORS[i]!));
      sv.name.setColor(lead ? '#ffd84d' : '#ffffff');
      const lost = v.phase === 'ended' && v.leader >= 0 && !lead;
      for (const o of [sv.avatar, sv.ring, sv.name]) o.setAlpha(lost ? 0.45 : 1);
    });
    const leader = v.leader >= 0 ? this.sides[v.leader] : undefined;
    this.crown.setVisible(leader !== undefined);
    if (leader) this.crown.setPosition(leader.avatar.x, Math.max(this.crown.height / 2, leader.avatar.y - this.avatarPx / 2 - 2));
    if (v.phase === 'ended') {
      const winner = v.leader >= 0 ? v.sides[v.leader]! : null;
      setTextIfChanged(this.center, winner ? 'WIN' : 'DRAW');
      this.center.setColor(winner ? '#ffd84d' : '#ffffff');
      // The result sits on the winner's half of the bar when two face off, in the middle otherwise.
      if (n === 2 && winner) this.center.setX(this.barX + this.barW * (v.leader === 0 ? 0.36 : 0.64));
    } else {
      setTextIfChanged(this.center, n === 2 ? 'VS' : '');
      this.center.setColor('#ffffff').setX(this.barX + this.barW / 2);
    }
  }

  private popping(): boolean {
    return this.sides.some((s) => s.popAt >= 0);
  }

  override update(time: number): void {
    const dt = this.clock.dt(time);
    if (this.state.tick(time)) this.show(this.state.view);
    if (!this.box.visible) return;
    // Fade in and out by hand (no tween objects): alpha and a slight scale, never above 1 so the bar keeps to its region.
    const step = dt / FADE_MS;
    this.alpha = fadeToward(this.alpha, this.want, step);
    const R = this.ctx.layout.regions.battle;
    const s = 0.94 + 0.06 * this.alpha;
    this.box.setAlpha(this.alpha).setScale(s).setPosition(R.x + (R.w * (1 - s)) / 2, R.y + (R.h * (1 - s)) / 2);
    if (this.alpha === 0 && this.want === 0) {
      this.hide();
      return;
    }
    this.animatePoints(time, dt);
    this.announce();
  }

  private animatePoints(time: number, dt: number): void {
    const v = this.view;
    const n = v.sides.length;
    const k = easeShare(dt, EASE_MS);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const sv = this.sides[i]!;
      if (sv.shown !== sv.target) {
        const next = sv.shown + (sv.target - sv.shown) * k;
        sv.shown = Math.abs(sv.target - next) < 1 ? sv.target : next;
      }
      setTextIfChanged(sv.points, grouped(sv.shown));
      if (sv.popAt >= 0) {
        const t = (time - sv.popAt) / POP_MS;
        const base = n === 2 ? 1 : 0.8;
        if (t >= 1) {
          sv.points.setScale(base);
          sv.popAt = -1;
        } else {
          sv.points.setScale(base * (1 + 0.18 * Math.sin(Math.PI * t)));
        }
      }
      this.setAvatar(sv);
      total += sv.shown;
    }
    // The bar's shares from the shown points: equal shares until someone scores; each side keeps a sliver.
    let x = 0;
    const minShare = n > 0 ? 0.06 : 0;
    for (let i = 0; i < n; i++) {
      const sv = this.sides[i]!;
      const raw = total > 0 ? sv.shown / total : 1 / n;
      const share = minShare + raw * (1 - minShare * n);
      const w = i === n - 1 ? this.barW - x : Math.round(this.barW * share);
      sv.fill.setCrop(x, 0, Math.max(0, w), this.barH);
      x += w;
    }
    // The spark rides the split between the two hosts.
    const split = n === 2 ? this.barX + Math.round(this.barW * (minShare + (total > 0 ? this.sides[0]!.shown / total : 0.5) * (1 - 2 * minShare))) : 0;
    this.spark.setVisible(n === 2).setX(split).setAlpha(0.85);
  }

  /** Checkpoints for tests: the battle settled at its points (live or ended), each state once. */
  private announce(): void {
    const v = this.view;
    if (this.alpha !== this.want || this.popping() || this.sides.some((s, i) => i < v.sides.length && s.shown !== s.target)) return;
    const pts = v.sides.map((s) => s.points).join('-');
    const c = `battle:${v.seq}:${v.phase === 'ended' ? 'end' : 'live'}:${pts}`;
    if (c === this.announced) return;
    this.announced = c;
    this.ctx.checkpoint(c);
  }

  private hide(): void {
    this.box.setVisible(false);
    for (const sv of this.sides) {
      if (sv.lease) this.ctx.media.release(sv.lease);
      sv.lease = null;
    }
    this.ctx.checkpoint(`battle:${this.view.seq}:hidden`);
  }
}
