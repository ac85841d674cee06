import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

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
