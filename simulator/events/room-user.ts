import type { Viewer } from '../population.ts';
import { frameHead, type FrameCtx } from '../generator-context.ts';
import { TOP_VIEWER_COUNT, type RoomState } from '../generator-room.ts';
import type { Population } from '../population.ts';
import type { Rng } from '../rng.ts';
import type { KindSpec } from './kind-spec.ts';

/**
 * Room statistics: the audience size and TikTok's ranked viewers, sorted by coins (highest first): the session's top
 * gifters, then viewers with 0 coins, up to 16 (as real frames list them).
 */
export interface RoomUserParams {
  viewerCount: number;
  topViewers: readonly { user: Viewer; coinCount: number }[];
}

const HEAD = frameHead('roomUser');

/** The exact frame text of a roomUser event, key order as in real captures. */
export function roomUserFrame(p: RoomUserParams, ctx: FrameCtx): string {
  let top = '';
  for (let i = 0; i < p.topViewers.length; i++) {
    const e = p.topViewers[i];
    top += `${i === 0 ? '' : ','}{"user":${e.user.topJson},"coinCount":${e.coinCount}}`;
  }
  return `${HEAD}"topViewers":[${top}],"viewerCount":${p.viewerCount},"topGifterRank":0${ctx.tail}`;
}

/**
 * The ranked viewers: the top gifters, then, while the list is short of 16 and of the audience, the most active
 * viewers who sent nothing (0 coins; TikTok lists them too, as the real samples show).
 */
export function rankedViewers(room: RoomState, pop: Population, audience: number): { user: Viewer; coinCount: number }[] {
  const top = room.topList();
  const out = top.map((e) => ({ user: pop.get(e.index), coinCount: e.coins }));
  const want = Math.min(TOP_VIEWER_COUNT, Math.max(audience, top.length), pop.total);
  for (let i = 0; out.length < want && i < pop.total; i++) {
    if (room.coinsOf(i) === 0) out.push({ user: pop.get(i), coinCount: 0 });
  }
  return out;
}

/** The roomUser frame: the audience drifts slowly (one draw from `rng`); topViewers are the ranked viewers. */
export function roomUserText(room: RoomState, pop: Population, ctx: FrameCtx, rng: Rng, viewerCount?: number): string {
  const drift = Math.round(room.viewersInRoom * rng.range(-0.012, 0.01));
  room.viewersInRoom = Math.min(pop.total, Math.max(1, room.viewersInRoom + drift));
  const shown = viewerCount ?? room.viewersInRoom;
  return roomUserFrame({ viewerCount: shown, topViewers: rankedViewers(room, pop, shown) }, ctx);
}

/** roomUser: viewer stats and top gifters, periodic (the core times it, about every 2 s), never by rate. */
export const roomUserKind = {
  periodic: true,
  generate(host, tf, emit) {
    host.send(emit, 'roomUser', roomUserText(host.room, host.pop, host.ctx, host.rng), tf);
  },
  build: (host, _vi, data) => () => roomUserText(host.room, host.pop, host.ctx, host.rng, typeof data.viewerCount === 'number' ? data.viewerCount : undefined),
  consumes: ['viewerCount'],
} satisfies KindSpec;
