import type { Viewer } from '../population.ts';
import { frameHead, type FrameCtx } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

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

/** linkMicBattle: a battle starts between the streamer and one of seven opponents; the armies' points reset. */
export const linkMicBattleKind = viewerKind('linkMicBattle', 0, (host, _v, t, rng) => {
  const msgId = host.msgId(t);
  host.armyPoints = [0, 0];
  return linkMicBattleFrame({ battleUsers: [host.hosts.get(0), host.hosts.get(1 + (rng.u32() % 7))], msgId, t }, host.ctx);
});
