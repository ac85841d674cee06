import type { Viewer } from '../population.ts';
import { frameHead, type FrameCtx } from '../generator-context.ts';

/** A LIVE battle starts between hosts (the streamer first). */
export interface LinkMicBattleParams {
  battleUsers: readonly Viewer[];
  msgId: string;
  t: number;
}

const HEAD = frameHead('linkMicBattle');

/** The exact frame text of a linkMicBattle event. */
export function linkMicBattleFrame(p: LinkMicBattleParams, ctx: FrameCtx): string {
  const users = p.battleUsers.map((u) => `{${u.json}}`).join(',');
  return `${HEAD}"battleUsers":[${users}],"msgId":"${p.msgId}","createTime":"${p.t}"${ctx.tail}`;
}
