import Phaser from 'phaser';
import { Bus } from './bus.ts';
import { createHarness } from './harness.ts';
import { parseParams } from './params.ts';
import { layoutFor } from './layout.ts';
import { clipBox, layoutProblems, type PartBox } from './logic/boxes.ts';
import { MediaCache } from './media/media-cache.ts';
import { proxied } from './media/media-url.ts';
import { Sounds } from './audio/sounds.ts';
import { Connection } from './net/connection.ts';
import { AggregateConnection } from './net/aggregate-connection.ts';
import { Director } from './director.ts';
import type { OverlayContext } from './context.ts';
import { FONT } from './ui.ts';
import { chooseRenderer, noGpuGL, useMultiplyTint, webglRendererName } from './renderer.ts';
import { Boot } from './scenes/Boot.ts';
import { GiftAlerts } from './scenes/GiftAlerts.ts';
import { ChatFeed } from './scenes/ChatFeed.ts';
import { Likes } from './scenes/Likes.ts';
import { Toasts } from './scenes/Toasts.ts';
import { Leaderboard } from './scenes/Leaderboard.ts';
import { Spotlight } from './scenes/Spotlight.ts';
import { Toasty } from './scenes/Toasty.ts';
import { StatusBadge } from './scenes/StatusBadge.ts';
import { Battle } from './scenes/Battle.ts';
import { Goal } from './scenes/Goal.ts';

const params = parseParams(location.search, location.origin, document.querySelector('meta[name="tiksim-served"]') !== null);
const mediaUrl = (u: string): string => proxied(u, { origin: location.origin, proxyBase: params.proxy });
const { h, checkpoint, frame, latency, queueWait, log, setBoxes } = createHarness(params.debug);
const bus = new Bus();
const base = import.meta.env.BASE_URL;
const sounds = new Sounds(params.mute, base, log);
const sceneCtors = [Boot, Battle, Goal, GiftAlerts, ChatFeed, Likes, Toasts, Leaderboard, Spotlight, Toasty, StatusBadge];
const created = new Set<string>();
let fontsLoaded = false;

const markReady = (): void => {
  if (fontsLoaded && created.size === sceneCtors.length) h.ready = true;
};

// Effects applied during a step, stamped when that step's render is done (arrival-to-screen). Reused buffers.
const drawnAt: number[] = [];
const queuedAt: number[] = [];

// The media cache needs the game's texture manager; it is filled in right after the game is made, before boot.
const layout = layoutFor(params.width, params.height);
h.regions = layout.regions;
const ctx: OverlayContext = {
  bus, params, layout, media: null as unknown as MediaCache, sounds, harness: h,
  latency, checkpoint, log, base, busy: new Map(), boxes: new Map(), mediaUrl,
  drawn: (at) => {
    if (at > 0 && drawnAt.length < 4096) drawnAt.push(at);
  },
  drawnAfterQueue: (at) => {
    if (at > 0 && queuedAt.length < 256) queuedAt.push(at);
  },
  invalidate: () => {},
  sceneReady: (key) => {
    created.add(key);
    markReady();
  },
};

const glName = webglRendererName();
const renderer = chooseRenderer(params.renderer, () => glName);
const softwareGL = noGpuGL(glName);
log(`renderer: ${renderer}`);
const game = new Phaser.Game({
  type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.WEBGL,
  parent: 'game',
  width: params.width,
  height: params.height,
  transparent: true,
  backgroundColor: 'rgba(0,0,0,0)',
  audio: { noAudio: true },
  banner: false,
  seed: [String(params.seed)],
  // antialiasGL off: MSAA on a 1080x1920 software-WebGL canvas costs more than the rest of a frame; everything
  // drawn is a texture (panels are nine-slices), so texture filtering (antialias) gives the smooth edges.
  // maxTextures 1 on a software rasteriser: the multi-texture shader picks its sampler with a branch per unit on every
  // pixel, which costs a CPU more than the extra draw calls (measured: 38% against 52% dropped frames in the storm).
  render: { antialias: true, antialiasGL: false, pixelArt: false, maxTextures: softwareGL ? 1 : -1 },
  // The game keeps its resolution; the canvas is scaled to fit the window and centred (OBS sources come in any size).
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: sceneCtors.map((C) => new C(ctx)),
});
ctx.media = new MediaCache(game.textures, 96, mediaUrl);
game.events.once(Phaser.Core.Events.READY, () => {
  if (renderer === 'webgl' && useMultiplyTint(game)) h.tint = 'multiply';
  log(`tint shader: ${h.tint}`);
});
const director = new Director(ctx);
const conn = new Connection({ url: params.ws, harness: h, log });
// With ?aggregate=, Twitch's messages come from the merged socket of `tiksim watch --serve-port` beside TikTok's own.
const merged = params.aggregate ? new AggregateConnection((h.aggregate = { url: params.aggregate, connected: false, received: 0, bad: 0, twitch: 0 }), log) : null;

// Frames go to the scenes on the next game step only, so everything depends on the (fakeable) game clock.
game.events.on(Phaser.Core.Events.PRE_STEP, (time: number) => {
  // The real interval between animation frames: the `delta` argument is smoothed and capped by Phaser.
  frame.push(game.loop.rawDelta);
  director.step(time);
  conn.flush(bus);
  merged?.flush(bus);
});
const canvasBox = { x: 0, y: 0, w: params.width, h: params.height };
/** Every box on screen now, clipped to the canvas (a card sliding in from the edge is partly off it). */
const readBoxes = (): PartBox[] => {
  const raw: PartBox[] = [];
  for (const report of ctx.boxes.values()) report(raw);
  const out: PartBox[] = [];
  for (const b of raw) {
    const c = clipBox(b, canvasBox);
    if (c) out.push({ part: b.part, id: b.id, ...c });
  }
  return out;
};
setBoxes(readBoxes);

game.events.on(Phaser.Core.Events.POST_STEP, (time: number) => {
  let busy = conn.backlog > 0 || (merged?.backlog ?? 0) > 0;
  for (const b of ctx.busy.values()) if (!busy && b()) busy = true;
  h.idle = !busy;
  // Every step, before it is drawn: a part outside its region or two overlapping boxes are counted and kept for tests.
  const problems = layoutProblems(readBoxes(), layout.regions);
  h.layoutChecked++;
  if (problems.length) {
    h.layoutBad++;
    for (const p of problems) if (h.layoutProblems.length < 20) h.layoutProblems.push(`t=${Math.round(time)}: ${p}`);
  }
});

game.events.on(Phaser.Core.Events.POST_RENDER, () => {
  if (!drawnAt.length && !queuedAt.length) return;
  const now = performance.now();
  for (const at of drawnAt) latency.push(Math.max(0, now - at));
  for (const at of queuedAt) queueWait.push(Math.max(0, now - at));
  drawnAt.length = 0;
  queuedAt.length = 0;
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
merged?.open();
// Under ?debug the game is reachable from devtools and profiling scripts (scene toggles, texture counts).
if (params.debug) (window as unknown as { __game?: Phaser.Game }).__game = game;
