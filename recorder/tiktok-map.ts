/**
 * Maps tiktok-live-connector v2 decoded webcast messages (WebcastChatMessage, ...) to TikFinity's shapes (TLC v1 flat
 * format, protocol/ schemas). Unknown message types return null: the caller reports them, never fails.
 */

/** Loose view of the library's decoded objects: we only read, and treat every field as possibly missing. */
type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const s = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : d);
const n = (v: unknown, d = 0): number => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
const urls = (img: unknown): string[] => (Array.isArray(o(img).urlList) ? (o(img).urlList as unknown[]).filter((u): u is string => typeof u === 'string') : []);

/** The streamer's TikFinity account fields every frame ends with. */
export interface TikfinityIdentity {
  tikfinityUserId: number;
  tikfinityUsername: string;
}

/** The TLC v1 user block from a v2 User. */
export function mapUser(user: unknown): Obj {
  const u = o(user);
  const fi = o(u.followInfo);
  const pics = urls(u.avatarThumb);
  return {
    userId: s(u.id),
    secUid: s(u.secUid),
    uniqueId: s(u.displayId),
    nickname: s(u.nickname),
    profilePictureUrl: pics[0] ?? '',
    followRole: n(fi.followStatus),
    userBadges: [],
    userSceneTypes: [],
    userDetails: { createTime: s(u.createTime, '0') || '0', bioDescription: s(u.bioDescription), profilePictureUrls: pics },
    followInfo: { followingCount: n(fi.followingCount), followerCount: n(fi.followerCount), followStatus: n(fi.followStatus), pushStatus: n(fi.pushStatus) },
    isModerator: false,
    isNewGifter: false,
    isSubscriber: false,
    topGifterRank: 0,
    gifterLevel: 0,
    teamMemberLevel: 0,
  };
}

function msg(common: unknown): Obj {
  const c = o(common);
  return { msgId: s(c.msgId), createTime: s(c.createTime) };
}

/** Maps one decoded message; null when the type has no TikFinity counterpart. */
export function mapWebcastMessage(type: string, data: unknown, id: TikfinityIdentity = { tikfinityUserId: 0, tikfinityUsername: '' }): { event: string; data: Obj } | null {
  const d = o(data);
  const tail = { tikfinityUserId: id.tikfinityUserId, tikfinityUsername: id.tikfinityUsername };
  switch (type) {
    case 'WebcastChatMessage': {
      const emotes = (Array.isArray(d.emotes) ? d.emotes : []).map((e) => {
        const em = o(o(e).emote);
        return { emoteId: s(em.emoteId), emoteImageUrl: urls(em.image)[0] ?? '', placeInComment: n(o(e).index) };
      });
      return { event: 'chat', data: { emotes, comment: s(d.content), ...mapUser(d.user), ...msg(d.common), ...tail } };
    }
    case 'WebcastGiftMessage': {
      const g = o(d.gift);
      const giftType = n(g.type);
      const repeatEnd = n(d.repeatEnd) === 1;
      const giftId = n(d.giftId, n(g.id));
      return {
        event: 'gift',
        data: {
          ...mapUser(d.user),
          giftId,
          repeatCount: n(d.repeatCount, 1),
          groupId: s(d.groupId),
          ...msg(d.common),
          displayType: 'webcast_aweme_gift_send_messageNew',
          label: '{0:user} sent {1:gift} {2:string}',
          repeatEnd,
          gift: { gift_id: giftId, repeat_count: n(d.repeatCount, 1), repeat_end: repeatEnd ? 1 : 0, gift_type: giftType },
          describe: s(g.describe),
          giftType,
          diamondCount: n(g.diamondCount),
          giftName: s(g.name),
          giftPictureUrl: urls(g.image)[0] ?? '',
          timestamp: n(o(d.common).createTime),
          receiverUserId: s(o(d.toUser).id),
          originalName: s(g.name),
          originalDescribe: s(g.describe),
          ...tail,
        },
      };
    }
    case 'WebcastLikeMessage':
      return {
        event: 'like',
        data: { likeCount: n(d.count), totalLikeCount: n(d.total), ...mapUser(d.user), ...msg(d.common), displayType: 'pm_mt_msg_viewer', label: '{0:user} liked the LIVE', ...tail },
      };
    case 'WebcastMemberMessage':
      return { event: 'member', data: { actionId: n(d.action, 1), ...mapUser(d.user), ...msg(d.common), displayType: 'live_room_enter_toast', label: '{0:user} joined', ...tail } };
    case 'WebcastSocialMessage': {
      const dt = s(o(d.common).displayText && o(o(d.common).displayText).key);
      const user = mapUser(d.user);
      if (dt.includes('follow')) {
        const u = s(user.uniqueId);
        return { event: 'follow', data: { ...user, ...msg(d.common), displayType: dt, label: '{0:user} followed the LIVE creator', profile: u, name: u, username: u, ...tail } };
      }
      if (dt.includes('share')) return { event: 'share', data: { ...user, ...msg(d.common), displayType: dt, label: '{0:user} shared the live', ...tail } };
      return { event: 'social', data: { ...user, ...msg(d.common), displayType: dt, label: '', ...tail } };
    }
    case 'WebcastRoomUserSeqMessage': {
      const ranks = Array.isArray(d.ranks) ? d.ranks : [];
      const topViewers = ranks.map((r) => {
        const { followRole: _f, followInfo: _i, ...user } = mapUser(o(r).user);
        return { user: { ...user, topGifterRank: null }, coinCount: n(o(r).score) };
      });
      return { event: 'roomUser', data: { topViewers, viewerCount: n(d.total), topGifterRank: 0, ...tail } };
    }
    case 'WebcastControlMessage': {
      const action = n(d.action);
      return action === 3 || action === 4 ? { event: 'streamEnd', data: { action, ...tail } } : null;
    }
    default:
      return null;
  }
}
