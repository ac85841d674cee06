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

/**
 * A battle user's block as TikFinity's v1 mapping fills it from the little TikTok sends for a battle's hosts (userId,
 * uniqueId, nickname, picture: docs/REAL-DATA.md): every other field blank, no badges, no follow state.
 */
export function sparseUserJson(p: { userId: string; uniqueId: string; nickname: string; picture: string }): string {
  const pics = p.picture === '' ? '[]' : `[${JSON.stringify(p.picture)}]`;
  return (
    `{"userId":"${p.userId}","secUid":"","uniqueId":${JSON.stringify(p.uniqueId)},"nickname":${JSON.stringify(p.nickname)},` +
    `"profilePictureUrl":${JSON.stringify(p.picture)},"followRole":0,"userBadges":[],"userSceneTypes":[],` +
    `"userDetails":{"createTime":"0","bioDescription":"","profilePictureUrls":${pics}},` +
    '"followInfo":{"followingCount":0,"followerCount":0,"followStatus":0,"pushStatus":0},' +
    '"isModerator":false,"isNewGifter":false,"isSubscriber":false,"topGifterRank":0,"gifterLevel":0,"teamMemberLevel":0}'
  );
}

/** The exact frame text of a linkMicBattle event. */
export function linkMicBattleFrame(p: LinkMicBattleParams, ctx: FrameCtx): string {
  const users = p.battleUsers.map((u) => sparseUserJson({ userId: u.userId, uniqueId: u.uniqueId, nickname: u.nickname, picture: u.profilePictureUrl })).join(',');
  return `${HEAD}"battleUsers":[${users}],"msgId":"${p.msgId}","createTime":"${p.t}"${ctx.tail}`;
}

/** linkMicBattle: a battle starts between the streamer and one of seven opponents; the armies' points reset. */
export const linkMicBattleKind = viewerKind('linkMicBattle', 0, (host, _v, t, rng) => {
  const msgId = host.msgId(t);
  host.armyPoints = [0, 0];
  return linkMicBattleFrame({ battleUsers: [host.hosts.get(0), host.hosts.get(1 + (rng.u32() % 7))], msgId, t }, host.ctx);
});
