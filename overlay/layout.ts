/** Where each part of the overlay sits, for a canvas of the given size. */
export interface Layout {
  w: number;
  h: number;
  leaderboard: { x: number; y: number };
  likes: { x: number; y: number };
  gifts: { x: number; y: number; width: number; slots: number };
  toasts: { x: number; y: number };
  chat: { x: number; bottom: number; width: number; lines: number };
  hearts: { x: number; y: number; rise: number };
  spotlight: { x: number; y: number };
  toasty: { size: number };
}

/** Portrait (1080x1920, TikTok LIVE) or landscape (1920x1080) layout. */
export function layoutFor(w: number, h: number): Layout {
  if (w >= h) {
    return {
      w, h,
      leaderboard: { x: 40, y: 40 },
      likes: { x: w - 40, y: 40 },
      gifts: { x: 40, y: 300, width: 760, slots: 3 },
      toasts: { x: w / 2, y: 60 },
      // The hearts rise in their own column right of the chat, and stop below the likes counter.
      chat: { x: w - 860, bottom: h - 40, width: 660, lines: 6 },
      hearts: { x: w - 110, y: h - 120, rise: 780 },
      spotlight: { x: w / 2, y: h / 2 - 60 },
      toasty: { size: 380 },
    };
  }
  return {
    w, h,
    leaderboard: { x: 40, y: 60 },
    likes: { x: w - 40, y: 60 },
    gifts: { x: 40, y: 330, width: 800, slots: 3 },
    toasts: { x: w / 2, y: 1040 },
    chat: { x: 40, bottom: h - 170, width: 760, lines: 5 },
    hearts: { x: w - 110, y: h - 260, rise: 760 },
    // Rule banners get the band under the chat, so they never cover a gift card (the default config fires one per gift).
    spotlight: { x: w / 2, y: h - 92 },
    toasty: { size: 440 },
  };
}
