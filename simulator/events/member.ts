import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { Viewer } from '../population.ts';
import type { KindHost, KindSpec } from './kind-spec.ts';

/** A viewer entering the room: actionId 1 = joined; TikTok also sends other ids (26, 27) that most clients drop. */
export interface MemberParams extends MessageParams {
  actionId: number;
}

/** Action ids other than 1 that real streams show. */
export const OTHER_MEMBER_ACTIONS = [26, 27] as const;

const HEAD = frameHead('member');

/** The exact frame text of a member event, key order as in real captures. */
export function memberFrame(p: MemberParams, ctx: FrameCtx): string {
  return (
    `${HEAD}"actionId":${p.actionId},${p.user.json},${msgPart(p)},` +
    `"displayType":"live_room_enter_toast","label":"{0:user} joined"${ctx.tail}`
  );
}

/** A member frame; a join (actionId 1) grows the audience. */
export function memberText(host: KindHost, v: Viewer, actionId: number, t: number): string {
  if (actionId === 1 && host.room.viewersInRoom < host.pop.total) host.room.viewersInRoom++;
  return memberFrame({ user: v, msgId: host.msgId(t), t, actionId }, host.ctx);
}

/** member: joins, mostly by new faces (70% drawn uniformly), a few with TikTok's other action ids. */
export const memberKind = {
  rate: 0.8,
  generate(host, tf, emit) {
    const rng = host.rng;
    const i = rng.chance(0.7) ? host.pop.sampleUniform(rng) : host.pop.sample(rng);
    const actionId = rng.chance(host.quirks.memberOtherActions) ? rng.pick(OTHER_MEMBER_ACTIONS) : 1;
    host.send(emit, 'member', memberText(host, host.pop.get(i), actionId, Math.floor(tf)), tf);
  },
  build: (host, vi, data) => (t) => memberText(host, host.pop.get(vi), typeof data.actionId === 'number' ? data.actionId : 1, t),
  consumes: ['actionId'],
} satisfies KindSpec;
