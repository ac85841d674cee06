import { frameHead, type FrameCtx } from '../generator-context.ts';
import type { Viewer } from '../population.ts';
import type { Rng } from '../rng.ts';
import { viewerKind } from './kind-spec.ts';
import { sparseUserJson } from './link-mic-battle.ts';

/** Battle scores: one army per host with its points and top participants. */
export interface LinkMicArmiesParams {
  battleStatus: number;
  armies: readonly { host: Viewer; points: number; participants: readonly Viewer[] }[];
  msgId: string;
  t: number;
}

const HEAD = frameHead('linkMicArmies');

/** A participant as TikTok sends it in an army: only userId and nickname (docs/REAL-DATA.md), the rest blank. */
const participantJson = (u: Viewer): string => sparseUserJson({ userId: u.userId, uniqueId: '', nickname: u.nickname, picture: '' });

/** The exact frame text of a linkMicArmies event. */
export function linkMicArmiesFrame(p: LinkMicArmiesParams, ctx: FrameCtx): string {
  const armies = p.armies
    .map((a) => `{"hostUserId":"${a.host.userId}","points":${a.points},"participants":[${a.participants.map(participantJson).join(',')}]}`)
    .join(',');
  return `${HEAD}"battleStatus":${p.battleStatus},"battleArmies":[${armies}],"msgId":"${p.msgId}","createTime":"${p.t}"${ctx.tail}`;
}

/**
 * Points one army gains between two updates: often nothing, mostly small gifts, now and then a big one, so a
 * battle's points reach the tens of thousands as real ones do (docs/REAL-DATA.md): about 230 an update, so a 5-minute
 * battle updated every second or two ends with 20,000 to 70,000.
 */
export function armyGain(rng: Rng): number {
  const u = rng.float();
  return u < 0.35 ? 0 : u < 0.75 ? rng.int(1, 99) : u < 0.97 ? rng.int(100, 999) : rng.int(1000, 5000);
}

/** linkMicArmies: the battle's points climb, with a few of each army's gifters. */
export const linkMicArmiesKind = viewerKind('linkMicArmies', 0, (host, _v, t, rng) => {
  const msgId = host.msgId(t);
  host.armyPoints = host.armyPoints.map((p) => p + armyGain(rng));
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
