import { frameHead, type FrameCtx } from '../generator-context.ts';
import type { Viewer } from '../population.ts';
import { viewerKind } from './kind-spec.ts';

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

/** linkMicArmies: the battle's points climb, with a few of each army's gifters. */
export const linkMicArmiesKind = viewerKind('linkMicArmies', 0, (host, _v, t, rng) => {
  const msgId = host.msgId(t);
  host.armyPoints = host.armyPoints.map((p) => p + rng.int(0, 400));
  const parts = (): Viewer[] => [0, 1, 2].map(() => host.pop.get(host.pop.sample(rng)));
  return linkMicArmiesFrame(
    {
      battleStatus: 1,
      armies: [
        { host: host.hosts.get(0), points: host.armyPoints[0]!, participants: parts() },
        { host: host.hosts.get(1), points: host.armyPoints[1]!, participants: parts() },
      ],
      msgId,
      t,
    },
    host.ctx,
  );
});
