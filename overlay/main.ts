import Phaser from 'phaser';
import { Bus } from './bus.ts';
import { createHarness } from './harness.ts';
import { parseParams } from './params.ts';
import { layoutFor } from './layout.ts';
import { MediaCache } from './media/media-cache.ts';
import { Sounds } from './audio/sounds.ts';
import { Connection } from './net/connection.ts';
import { Director } from './director.ts';
import type { OverlayContext } from './context.ts';
import { FONT } from './ui.ts';
import { Boot } from './scenes/Boot.ts';
import { GiftAlerts } from './scenes/GiftAlerts.ts';
import { ChatFeed } from './scenes/ChatFeed.ts';
import { Likes } from './scenes/Likes.ts';
import { Toasts } from './scenes/Toasts.ts';
import { Leaderboard } from './scenes/Leaderboard.ts';
import { Spotlight } from './scenes/Spotlight.ts';
import { Toasty } from './scenes/Toasty.ts';
import { StatusBadge } from './scenes/StatusBadge.ts';

const params = parseParams(location.search);
const { h, checkpoint, frame, latency, log } = createHarness(params.debug);
const bus = new Bus();
const base = import.meta.env.BASE_URL;
const sounds = new Sounds(params.mute, base, log);
const sceneCtors = [Boot, GiftAlerts, ChatFeed, Likes, Toasts, Leaderboard, Spotlight, Toasty, StatusBadge];
const created = new Set<string>();
let fontsLoaded = false;

const markReady = (): void => {
  if (fontsLoaded && created.size === sceneCtors.length) h.ready = true;
};

// The media cache needs the game's texture manager; it is filled in right after the game is made, before boot.
const ctx: OverlayContext = {
  bus, params, layout: layoutFor(params.width, params.height), media: null as unknown as MediaCache, sounds, harness: h,
  latency, checkpoint, log, base, busy: new Map(),
  sceneReady: (key) => {
    created.add(key);
    markReady();
  },
};

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width: params.width,
  height: params.height,
  transparent: true,
  backgroundColor: 'rgba(0,0,0,0)',
  audio: { noAudio: true },
  banner: false,
  seed: [String(params.seed)],
  render: { antialias: true, pixelArt: false },
  scale: { mode: Phaser.Scale.NONE },
  scene: sceneCtors.map((C) => new C(ctx)),
});
ctx.media = new MediaCache(game.textures, 96);
const director = new Director(ctx);
const conn = new Connection({ url: params.ws, harness: h, log });

// Frames go to the scenes on the next game step only, so everything depends on the (fakeable) game clock.
game.events.on(Phaser.Core.Events.PRE_STEP, (time: number, delta: number) => {
  frame.push(delta);
  director.step(time);
  conn.flush(bus);
});
game.events.on(Phaser.Core.Events.POST_STEP, () => {
  let busy = conn.backlog > 0;
  for (const b of ctx.busy.values()) if (!busy && b()) busy = true;
  h.idle = !busy;
});

const fontProbe = `32px ${FONT}`;
Promise.all([document.fonts.load(fontProbe, 'Aa'), document.fonts.load(fontProbe, '😀'), document.fonts.load(fontProbe, '中文')])
  .catch(() => [])
  .finally(() => {
    fontsLoaded = true;
    markReady();
  });
sounds.preload();
conn.open();
