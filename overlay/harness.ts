import { NumberRing } from './logic/ring.ts';
import type { Box, PartBox } from './logic/boxes.ts';
import type { AggregateStats } from './net/aggregate-connection.ts';

/** What the overlay announces on `window.__overlay` for tests and the bench. */
export interface OverlayHarness {
  ready: boolean;
  connected: boolean;
  received: number;
  bad: number;
  processed: number;
  idle: boolean;
  checkpoints: string[];
  frameMs: number[];
  /**
   * Arrival-to-screen (ms): from a frame's arrival (the socket handler) to the end of the first rendered frame that
   * draws its effect (counter, card, chat line, heart). Excludes waiting for a free alert slot: see queueWaits.
   */
  latencies: number[];
  /** Gift alerts that had to wait for a free slot: arrival to first drawn frame (ms). */
  queueWaits: number[];
  counters: { gifts: number; diamonds: number; likes: number; joins: number; chats: number };
  /** Frames of kinds the overlay does not show, by event name: counted, never warned about per frame. */
  ignored: Record<string, number>;
  /** Frames dropped because the pending queue overflowed (the page was starved). */
  overflow: number;
  /** Gift streaks merged into other alerts / dropped under backpressure. */
  merged: number;
  dropped: number;
  /** Debug log lines (only kept with ?debug). */
  log: string[];
  /** The quad shader's tint step: 'multiply' once the lean one is in (WebGL, see renderer.ts), else 'phaser'. */
  tint: 'multiply' | 'phaser';
  /** The game canvas's context, read live: 'webgl2' | 'webgl' | 'canvas' (2D) | 'none' (no canvas yet). */
  readonly renderer: string;
  /** True when the game canvas's WebGL context is lost (a broken GL context must not pass a screenshot test). */
  readonly contextLost: boolean;
  /** Each part's region (game px) in this layout: parts never draw outside their own, and regions never overlap. */
  regions: Record<string, Box>;
  /** What is on screen now, read live: one box (game px, clipped to the canvas) per card, banner, heart, face... */
  readonly boxes: PartBox[];
  /** Game steps whose boxes were checked against the layout (every step, before it is rendered). */
  layoutChecked: number;
  /** Steps where a box was outside its region or two boxes overlapped (see logic/boxes.ts). */
  layoutBad: number;
  /** The first problems found (20 at most), each with its step's game time. */
  layoutProblems: string[];
  /** The latest Toasties played (100 at most), oldest first: whose, and whether the face was cut from their avatar or is the placeholder. */
  toasties: { userId: string; face: 'avatar' | 'placeholder' }[];
  /** The merged socket (`?aggregate=`), when the overlay was given one. */
  aggregate?: AggregateStats;
}

declare global {
  interface Window {
    __overlay: OverlayHarness;
  }
}

const MAX_CHECKPOINTS = 20_000;

/** Creates window.__overlay and the helpers that feed it. */
export function createHarness(debug: boolean): {
  h: OverlayHarness;
  checkpoint: (c: string) => void;
  frame: NumberRing;
  latency: NumberRing;
  queueWait: NumberRing;
  log: (m: string) => void;
  /** Sets where `boxes` reads what is on screen from. */
  setBoxes: (read: () => PartBox[]) => void;
} {
  const frame = new NumberRing(600);
  const latency = new NumberRing(1000);
  const queueWait = new NumberRing(1000);
  const h: OverlayHarness = {
    ready: false, connected: false, received: 0, bad: 0, processed: 0, idle: true, checkpoints: [],
    frameMs: frame.values, latencies: latency.values, queueWaits: queueWait.values,
    counters: { gifts: 0, diamonds: 0, likes: 0, joins: 0, chats: 0 }, ignored: {}, overflow: 0, merged: 0, dropped: 0, log: [], tint: 'phaser',
    regions: {}, layoutChecked: 0, layoutBad: 0, layoutProblems: [], toasties: [],
  } as Omit<OverlayHarness, 'renderer' | 'contextLost' | 'boxes'> as OverlayHarness;
  let readBoxes: () => PartBox[] = () => [];
  // Read live from the canvas rather than set by the game, so they stay true whatever the renderer does.
  const gl = (): WebGLRenderingContext | WebGL2RenderingContext | null => {
    const c = document.querySelector('canvas');
    return c ? ((c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null) : null;
  };
  Object.defineProperties(h, {
    renderer: {
      enumerable: true,
      get: () => {
        const c = document.querySelector('canvas');
        if (!c) return 'none';
        if (c.getContext('webgl2')) return 'webgl2';
        return c.getContext('webgl') ? 'webgl' : 'canvas';
      },
    },
    contextLost: { enumerable: true, get: () => gl()?.isContextLost() ?? false },
    boxes: { enumerable: true, get: () => readBoxes() },
  });
  window.__overlay = h;
  return {
    h,
    frame,
    latency,
    queueWait,
    setBoxes: (read) => {
      readBoxes = read;
    },
    // Append-only for tests; a very long run (hours of storm) keeps the newest half rather than growing forever.
    checkpoint: (c) => {
      if (h.checkpoints.length >= MAX_CHECKPOINTS) h.checkpoints.splice(0, MAX_CHECKPOINTS / 2);
      h.checkpoints.push(c);
    },
    log: (m) => {
      if (!debug) return;
      console.debug(`[overlay] ${m}`);
      h.log.push(m);
      if (h.log.length > 500) h.log.shift();
    },
  };
}
