import type { Viewer } from '../population.ts';
import { frameHead, type FrameCtx } from '../generator-context.ts';

/** Battle scores: one army per host with its points and top participants. */
export interface LinkMicArmiesParams {
  battleStatus: number;
  armies: readonly { host: Viewer; points: number; participants: readonly Viewer[] }[];
  msgId: string;
  t: number;
}

const HEAD = frameHead('linkMicArmies');

/** The exact frame text of a linkMicArmies event. */
export function linkMicArmiesFrame(p: LinkMicArmiesParams, ctx: FrameCtx): string {
  const armies = p.armies
    .map((a) => `{"hostUserId":"${a.host.userId}","points":${a.points},"participants":[${a.participants.map((u) => `{${u.json}}`).join(',')}]}`)
    .join(',');
  return `${HEAD}"battleStatus":${p.battleStatus},"battleArmies":[${armies}],"msgId":"${p.msgId}","createTime":"${p.t}"${ctx.tail}`;
}
