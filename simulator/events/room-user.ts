import type { Viewer } from '../population.ts';
import { frameHead, type FrameCtx } from '../generator-context.ts';
import type { RoomState } from '../generator-room.ts';
import type { Population } from '../population.ts';
import type { Rng } from '../rng.ts';
import type { KindSpec } from './kind-spec.ts';

/** Room statistics: the audience size and the session's top gifters, sorted by coins (highest first). */
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

/** The roomUser frame: the audience drifts slowly (one draw from `rng`); topViewers are the session's top gifters. */
export function roomUserText(room: RoomState, pop: Population, ctx: FrameCtx, rng: Rng, viewerCount?: number): string {
  const drift = Math.round(room.viewersInRoom * rng.range(-0.012, 0.01));
  room.viewersInRoom = Math.min(pop.total, Math.max(1, room.viewersInRoom + drift));
  const topViewers = room.topList().map((e) => ({ user: pop.get(e.index), coinCount: e.coins }));
  return roomUserFrame({ viewerCount: viewerCount ?? room.viewersInRoom, topViewers }, ctx);
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
