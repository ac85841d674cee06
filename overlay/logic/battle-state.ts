/**
 * A LIVE battle's state from TikFinity's frames, kept apart from drawing so it can be tested without a browser.
 *
 * What the frames carry (PROTOCOL.md, protocol/events/link-mic-*.ts): `linkMicBattle` starts a battle and lists the
 * hosts (`battleUsers`: userId, uniqueId, nickname, profilePictureUrl); `linkMicArmies` carries each host's points
 * (`battleArmies[].hostUserId/points`) with `battleStatus`, TikTok's TriggerReason (1 score update, 2 battle end,
 * 3 opt-out update, 4 keep-alive; tiktok-live-proto's `enum TriggerReason`). Neither carries the battle's duration
 * (TLC v2's BattleSetting.duration is not in TikFinity's frames), so no countdown is drawn. The TLC-style
 * `linkMicBattlePunishFinish` (sent with `--all-kinds`) ends the punishment phase that follows a battle.
 */

/** One side of a battle: a host and their army's points. */
export interface BattleSide {
  userId: string;
  nickname: string;
  avatar: string;
  points: number;
}

/** What the battle bar shows. `seq` counts battles, so a new battle is told from an update of the last one. */
export interface BattleView {
  seq: number;
  phase: 'idle' | 'live' | 'ended';
  sides: BattleSide[];
  /** Index of the side ahead, -1 when level (or no points yet). */
  leader: number;
}

/** The user fields of a battle user the bar reads. */
export interface BattleUser {
  userId: string;
  uniqueId?: string;
  nickname?: string;
  profilePictureUrl?: string;
}

/** TikTok's TriggerReason for the end of a battle. */
export const BATTLE_END_STATUS = 2;
/** More sides than this are not drawn (TikTok's team battles have four hosts at most). */
export const MAX_SIDES = 4;
/** A battle with no frame for this long is over (its end frame was lost, or the overlay joined a finished one). */
export const STALE_MS = 120_000;
/** How long the result stays up when no punish-finish frame ends it. */
export const RESULT_MS = 20_000;

/** Index of the side with the most points, -1 when two or more share the top (or all are 0). */
export function leaderOf(sides: readonly { points: number }[]): number {
  let best = -1;
  let top = 0;
  let tie = false;
  sides.forEach((s, i) => {
    if (s.points > top) {
      top = s.points;
      best = i;
      tie = false;
    } else if (s.points === top && top > 0) {
      tie = true;
    }
  });
  return tie ? -1 : best;
}

/** A battle's lifecycle: start, point updates, end, hidden again after its result or when it goes stale. */
export class BattleState {
  private v: BattleView = { seq: 0, phase: 'idle', sides: [], leader: -1 };
  private lastAt = 0;

  /** The battle as it stands. */
  get view(): BattleView {
    return this.v;
  }

  /** A linkMicBattle frame: a new battle between `users` (the streamer first), every army at 0. */
  start(users: readonly BattleUser[], now: number): BattleView {
    const sides = users.slice(0, MAX_SIDES).map((u, i) => ({
      userId: u.userId,
      nickname: u.nickname || u.uniqueId || sideName(i),
      avatar: u.profilePictureUrl ?? '',
      points: 0,
    }));
    this.v = { seq: this.v.seq + 1, phase: 'live', sides, leader: -1 };
    this.lastAt = now;
    return this.v;
  }

  /**
   * A linkMicArmies frame: points by host. Hosts the battle does not know (the overlay joined mid-battle, or missed
   * its start) start one of their own, named by their place. Returns false when nothing shown changed.
   */
  armies(status: number, armies: readonly { hostUserId: string; points: number }[], now: number): boolean {
    if (!armies.length) return false;
    const known = this.v.phase !== 'idle' && armies.every((a) => this.v.sides.some((s) => s.userId === a.hostUserId));
    if (!known) this.start(armies.map((a) => ({ userId: a.hostUserId })), now);
    this.lastAt = now;
    let changed = !known;
    const sides = this.v.sides.map((s) => {
      const a = armies.find((x) => x.hostUserId === s.userId);
      const points = a && Number.isFinite(a.points) ? Math.max(0, Math.round(a.points)) : s.points;
      if (points !== s.points) changed = true;
      return points === s.points ? s : { ...s, points };
    });
    const phase = status === BATTLE_END_STATUS ? 'ended' : this.v.phase === 'ended' ? 'ended' : 'live';
    if (phase !== this.v.phase) changed = true;
    if (changed) this.v = { ...this.v, phase, sides, leader: leaderOf(sides) };
    return changed;
  }

  /** The punishment phase is over (linkMicBattlePunishFinish), or the stream ended: the bar goes. */
  finish(): boolean {
    if (this.v.phase === 'idle') return false;
    this.v = { ...this.v, phase: 'idle' };
    return true;
  }

  /** Game time moved on: a stale battle or a result shown long enough is hidden. Returns true when it changed. */
  tick(now: number): boolean {
    if (this.v.phase === 'live' && now - this.lastAt > STALE_MS) return this.finish();
    if (this.v.phase === 'ended' && now - this.lastAt > RESULT_MS) return this.finish();
    return false;
  }
}

/** The name a side gets when its frame did not say. */
export function sideName(i: number): string {
  return i === 0 ? 'Host' : `Opponent${i > 1 ? ` ${i}` : ''}`;
}
