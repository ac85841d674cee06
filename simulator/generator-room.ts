import type { Population } from './population.ts';

/** How many viewers roomUser's topViewers lists at most: real frames hold up to 16 (docs/REAL-DATA.md). */
export const TOP_VIEWER_COUNT = 16;

/**
 * The room's running state: like total, audience size, streamer followers, and the coins each viewer has sent this
 * session (credited by PROTOCOL.md's rule: when a gift frame counts, or at the last tap of a streak whose end is lost).
 */
export class RoomState {
  totalLikes = 0;
  viewersInRoom: number;
  followerCount: number;
  diamonds = 0;
  private readonly coins = new Map<number, number>();
  /** Exact top list, kept sorted by coins desc then index asc; coins only grow, so it never misses anyone. */
  private readonly top: { index: number; coins: number }[] = [];

  constructor(initialViewers: number, followerCount: number) {
    this.viewersInRoom = initialViewers;
    this.followerCount = followerCount;
  }

  /** Coins viewer `index` has sent this session. */
  coinsOf(index: number): number {
    return this.coins.get(index) ?? 0;
  }

  /** Credits a counted gift worth `diamonds` to a viewer. */
  credit(index: number, diamonds: number): void {
    if (diamonds <= 0) return;
    this.diamonds += diamonds;
    const c = (this.coins.get(index) ?? 0) + diamonds;
    this.coins.set(index, c);
    const top = this.top;
    let pos = top.findIndex((e) => e.index === index);
    if (pos < 0) {
      if (top.length >= TOP_VIEWER_COUNT && !better(c, index, top[top.length - 1])) return;
      top.push({ index, coins: c });
      pos = top.length - 1;
    } else top[pos].coins = c;
    while (pos > 0 && better(top[pos].coins, top[pos].index, top[pos - 1])) {
      const tmp = top[pos - 1];
      top[pos - 1] = top[pos];
      top[pos] = tmp;
      pos--;
    }
    if (top.length > TOP_VIEWER_COUNT) top.length = TOP_VIEWER_COUNT;
  }

  /** The session's top gifters, highest first. */
  topList(): readonly { index: number; coins: number }[] {
    return this.top;
  }
}

function better(coins: number, index: number, than: { index: number; coins: number }): boolean {
  return coins > than.coins || (coins === than.coins && index < than.index);
}

