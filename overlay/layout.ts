import type { Box } from './logic/boxes.ts';

/** The parts of the overlay, each with a region of its own. */
export const PARTS = ['status', 'leaderboard', 'likes', 'gifts', 'toasts', 'chat', 'hearts', 'spotlight', 'toasty', 'battle', 'goal'] as const;
export type PartName = (typeof PARTS)[number];

/** Where each part of the overlay sits, for a canvas of the given size. */
export interface Layout {
  w: number;
  h: number;
  /**
   * The box each part draws in: no two overlap, and every part keeps inside its own (the e2e suite checks it). The
   * battle and goal bars lay themselves out from their region alone (they fill its width, scaled to its height).
   */
  regions: Record<PartName, Box>;
  leaderboard: { x: number; y: number };
  /** Right edge and top of the likes counter. */
  likes: { x: number; y: number };
  gifts: { x: number; y: number; width: number; slots: number };
  /** Centre of a toast at rest. */
  toasts: { x: number; y: number };
  /** The feed fills `region.chat` from the bottom; `lines` is the most messages kept. */
  chat: { x: number; bottom: number; width: number; lines: number };
  /** Where hearts start (centre), how far they rise, and how far (px) they may stray from x either way. */
  hearts: { x: number; y: number; rise: number; spread: number };
  /** Centre of a banner at rest. */
  spotlight: { x: number; y: number };
  /** Face side, the face's centre once in, and the label's centre and scale. */
  toasty: { size: number; x: number; y: number; labelX: number; labelY: number; labelScale: number };
}

/** Room a heart needs around its centre (half the biggest heart). */
const HEART_HALF = 40;

function hearts(r: Box): Layout['hearts'] {
  return { x: r.x + r.w / 2, y: r.y + r.h - HEART_HALF, rise: r.h - 2 * HEART_HALF, spread: r.w / 2 - HEART_HALF };
}

/** Toasty's face peeks in at the right edge, at the bottom of its region, with its label just above it. */
function toasty(w: number, r: Box, size: number, labelScale: number): Layout['toasty'] {
  const y = r.y + r.h - size / 2 - 4;
  // The label pops in with Back.easeOut, which overshoots its scale by up to 5%.
  const half = (170 * labelScale * 1.05) / 2;
  const faceTop = y - size / 2 - 1;
  return { size, x: w - size * 0.42, y, labelX: r.x + r.w / 2, labelY: Math.max(r.y + half + 2, faceTop - half - 4), labelScale };
}

/**
 * Portrait (1080x1920, TikTok LIVE) or landscape (1920x1080) layout: every part gets its own region, so the chat never
 * runs under a banner and Toasty's face never covers one.
 */
export function layoutFor(w: number, h: number): Layout {
  if (w >= h) {
    const regions: Record<PartName, Box> = {
      status: { x: w / 2 - 400, y: 0, w: 800, h: 60 },
      leaderboard: { x: 40, y: 40, w: 350, h: 262 },
      likes: { x: w - 380, y: 40, w: 340, h: 64 },
      toasts: { x: 420, y: 64, w: w - 840, h: 126 },
      // Banners above the chat column, never over it.
      spotlight: { x: 830, y: 196, w: w - 870, h: 176 },
      gifts: { x: 0, y: 316, w: 820, h: 640 },
      chat: { x: 840, y: 380, w: 640, h: h - 420 },
      hearts: { x: 1500, y: 380, w: 160, h: h - 420 },
      toasty: { x: w - 250, y: 380, w: 250, h: h - 380 },
      // Beside the leaderboard, under the toasts, over the gift alerts.
      battle: { x: 400, y: 196, w: 420, h: 116 },
      // Under the gift alerts.
      goal: { x: 40, y: 962, w: 780, h: 112 },
    };
    return {
      w, h, regions,
      leaderboard: { x: 40, y: 40 },
      likes: { x: w - 40, y: 40 },
      gifts: { x: 40, y: 320, width: 760, slots: 3 },
      toasts: { x: w / 2, y: 123 },
      chat: { x: 840, bottom: h - 40, width: 640, lines: 7 },
      hearts: hearts(regions.hearts),
      spotlight: { x: regions.spotlight.x + regions.spotlight.w / 2, y: 284 },
      toasty: toasty(w, regions.toasty, 270, 0.68),
    };
  }
  const regions: Record<PartName, Box> = {
    status: { x: 40, y: 0, w: w - 80, h: 60 },
    leaderboard: { x: 40, y: 64, w: 350, h: 262 },
    likes: { x: w - 380, y: 64, w: 340, h: 64 },
    hearts: { x: w - 220, y: 140, w: 200, h: 1080 },
    gifts: { x: 0, y: 336, w: 850, h: 630 },
    toasts: { x: 40, y: 972, w: 800, h: 136 },
    chat: { x: 40, y: 1114, w: 660, h: h - 170 - 1114 },
    // Toasty's corner is beside the chat, above the banner band: a big gift's face never covers its own banner.
    toasty: { x: 710, y: 1226, w: w - 710, h: h - 170 - 1226 },
    // The battle and goal bars share the top column between the leaderboard and the hearts (TikTok draws its own battle
    // bar at the top too), clear of the gift alerts under them.
    battle: { x: 400, y: 134, w: 450, h: 110 },
    goal: { x: 400, y: 250, w: 450, h: 82 },
    // Rule banners get the band under the chat, so they never cover a gift card (the default config fires one per gift).
    spotlight: { x: 40, y: h - 164, w: w - 80, h: 160 },
  };
  return {
    w, h, regions,
    leaderboard: { x: 40, y: 64 },
    likes: { x: w - 40, y: 64 },
    gifts: { x: 40, y: 346, width: 800, slots: 3 },
    toasts: { x: 440, y: 1036 },
    chat: { x: 40, bottom: h - 170, width: 660, lines: 7 },
    hearts: hearts(regions.hearts),
    spotlight: { x: w / 2, y: h - 84 },
    toasty: toasty(w, regions.toasty, 340, 0.9),
  };
}
