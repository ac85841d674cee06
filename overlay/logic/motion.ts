/**
 * The scenes' hand-made motion (no tween objects): frame time from game time, a linear fade, an exponential ease.
 * Game time, not Phaser's smoothed delta: on a slow page things must still settle on time.
 */

/** Milliseconds since the previous update: 16 on the first, never negative, at most 250 (a tab in the background). */
export class FrameClock {
  private last = -1;

  /** The frame time for an update at game time `time`. */
  dt(time: number): number {
    const dt = this.last < 0 ? 16 : Math.min(250, Math.max(0, time - this.last));
    this.last = time;
    return dt;
  }
}

/**
 * `from` moved towards `to` (each in 0..1) by `step`, without passing it: a linear fade.
 * @example fadeToward(0.9, 1, 0.25) // 1
 */
export function fadeToward(from: number, to: number, step: number): number {
  return to > from ? Math.min(to, from + step) : Math.max(to, from - step);
}

/**
 * The share of the remaining way an exponential ease with time constant `ms` covers in `dt` ms.
 * @example easeShare(16, 160) // ≈ 0.095
 */
export function easeShare(dt: number, ms: number): number {
  return 1 - Math.exp(-dt / ms);
}
