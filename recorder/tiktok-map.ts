/**
 * Maps tiktok-live-connector v2 decoded webcast messages (WebcastChatMessage, ...) to TikFinity's shapes (TLC v1 flat
 * format, protocol/ schemas), field by field as TikTok-Live-Connector v1 read the same wire fields (the v1 field
 * number is given where v2 names it differently). A type TikFinity has no event for maps to null: the caller reports it,
 * never fails. `tlcEventsOf` names the TLC v2 events a message is (what `--all-kinds` writes).
 */
import { EnvelopeBusinessType, WebcastEventMap } from 'tiktok-live-connector';
import { arr, lastUrl, mapArmyUser, mapBattleUser, mapUser, n, o, s, type Obj } from './tiktok-user.ts';

export { mapUser } from './tiktok-user.ts';

/** The streamer's TikFinity account fields every frame ends with. */
export interface TikfinityIdentity {
  tikfinityUserId: number;
  tikfinityUsername: string;
}

function msg(common: unknown): Obj {
  const c = o(common);
  return { msgId: s(c.msgId), createTime: s(c.createTime) };
}

/**
 * v1's `displayType`/`label`: the message's own display text (common field 8: key, defaultPattern). When TikTok sends
 * none, the values TikTok sends for that kind (TikFinity captures; docs/REAL-DATA.md).
 */
function display(common: unknown, fallback: { displayType: string; label: string }): { displayType: string; label: string } {
  const t = o(o(common).displayText);
  return { displayType: s(t.key) || fallback.displayType, label: s(t.defaultPattern) || fallback.label };
}

/** The user v1 found in a message's display text (common 8 → pieces 4 → userValue 21 → user 1): an envelope's sender. */
function displayUser(common: unknown): unknown {
  return o(o(arr(o(o(common).displayText).pieces)[0]).userValue).user;
}

/** v1's user block of no user, as JSON keeps it (undefined fields dropped), with TikFinity's 0 for the rank. */
const EMPTY_USER: Obj = { profilePictureUrl: null, userBadges: [], userDetails: {}, isModerator: false, isNewGifter: false, isSubscriber: false, topGifterRank: 0, gifterLevel: 0, teamMemberLevel: 0 };

const GIFT_DISPLAY = { displayType: 'webcast_aweme_gift_send_messageNew', label: '{0:user} sent {1:gift} × {2:string}' };
const LIKE_DISPLAY = { displayType: 'pm_mt_msg_viewer', label: '{0:user} liked the LIVE' };
const MEMBER_DISPLAY = { displayType: 'live_room_enter_toast', label: '{0:user} joined' };
const FOLLOW_LABEL = '{0:user} followed the LIVE creator';
const SHARE_LABEL = '{0:user} shared the LIVE';

/** Maps one decoded message; null when TikFinity has no event for it. */
export function mapWebcastMessage(type: string, data: unknown, id: TikfinityIdentity = { tikfinityUserId: 0, tikfinityUsername: '' }): { event: string; data: Obj } | null {
  const d = o(data);
  const tail = { tikfinityUserId: id.tikfinityUserId, tikfinityUsername: id.tikfinityUsername };
  switch (type) {
    case 'WebcastChatMessage': {
      // v1 emotes (13): {placeInComment 1, emote 2 {emoteId 1, image 2 {imageUrl 1}}}.
      const emotes = arr(d.emotes).map((e) => {
        const em = o(o(e).emote);
        return { emoteId: s(em.emoteId), emoteImageUrl: lastUrl(em.image), placeInComment: n(o(e).index) };
      });
      return { event: 'chat', data: { emotes, comment: s(d.content), ...mapUser(d.user), ...msg(d.common), ...tail } };
    }
    case 'WebcastGiftMessage': {
      const g = o(d.gift);
      const giftType = n(g.type);
      const repeatEnd = n(d.repeatEnd) === 1;
      const giftId = n(d.giftId, n(g.id));
      const mon = o(d.monitorInfo);
      const name = s(g.name);
      return {
        event: 'gift',
        data: {
          giftId,
          repeatCount: n(d.repeatCount, 1),
          groupId: s(d.groupId),
          ...mapUser(d.user),
          ...msg(d.common),
          ...display(d.common, GIFT_DISPLAY),
          repeatEnd,
          gift: { gift_id: giftId, repeat_count: n(d.repeatCount, 1), repeat_end: repeatEnd ? 1 : 0, gift_type: giftType },
          describe: s(g.describe),
          giftType,
          diamondCount: n(g.diamondCount),
          giftName: name,
          giftPictureUrl: lastUrl(g.image),
          // v1's giftExtra (23) is v2's monitorInfo: timestamp 6 (sendGiftSendMessageSuccessMs), receiverUserId 8 (toUserId).
          timestamp: n(mon.sendGiftSendMessageSuccessMs) || n(o(d.common).createTime),
          receiverUserId: n(mon.toUserId) ? s(mon.toUserId) : n(o(d.toUser).id) ? s(o(d.toUser).id) : '',
          originalName: name,
          // TikFinity's own field: "Sent <name>" in every capture, beside TikTok's lower-case `describe`.
          originalDescribe: name ? `Sent ${name}` : '',
          ...tail,
        },
      };
    }
    case 'WebcastLikeMessage':
      return { event: 'like', data: { likeCount: n(d.count), totalLikeCount: n(d.total), ...mapUser(d.user), ...msg(d.common), ...display(d.common, LIKE_DISPLAY), ...tail } };
    case 'WebcastMemberMessage':
      return { event: 'member', data: { actionId: n(d.action, 1), ...mapUser(d.user), ...msg(d.common), ...display(d.common, MEMBER_DISPLAY), ...tail } };
    case 'WebcastSocialMessage': {
      const dt = s(o(o(d.common).displayText).key);
      const pattern = s(o(o(d.common).displayText).defaultPattern);
      const user = mapUser(d.user);
      if (dt.includes('follow')) {
        const u = s(user.uniqueId);
        return { event: 'follow', data: { ...user, ...msg(d.common), displayType: dt, label: pattern || FOLLOW_LABEL, profile: u, name: u, username: u, ...tail } };
      }
      if (dt.includes('share')) return { event: 'share', data: { ...user, ...msg(d.common), displayType: dt, label: pattern || SHARE_LABEL, ...tail } };
      return { event: 'social', data: { ...user, ...msg(d.common), displayType: dt, label: pattern, ...tail } };
    }
    case 'WebcastRoomUserSeqMessage': {
      // v1 topViewers (2) {coinCount 1, user 2} = v2 ranks {score, user}; viewerCount (3) = total.
      const topViewers = arr(d.ranks).map((r) => {
        // TikFinity's top viewers carry no follow fields, and v1's null rank.
        const { followRole: _f, followInfo: _i, ...user } = mapUser(o(r).user);
        return { user: { ...user, topGifterRank: null }, coinCount: n(o(r).score) };
      });
      return { event: 'roomUser', data: { topViewers, viewerCount: n(d.total), topGifterRank: 0, ...tail } };
    }
    case 'WebcastSubNotifyMessage': {
      // v1 {exhibitionType 3, subMonth 4, subscribeType 5, oldSubscribeStatus 6, subscribingStatus 8} lead, in wire
      // order, before the user block (TikFinity's capture); v1 copied only the fields on the wire, so a 0 is absent.
      const set = (k: string): Obj => (n(d[k]) ? { [k]: n(d[k]) } : {});
      return {
        event: 'subscribe',
        data: { ...set('exhibitionType'), subMonth: n(d.subMonth), ...set('subscribeType'), ...set('oldSubscribeStatus'), subscribingStatus: n(d.subscribingStatus), ...mapUser(d.user), ...msg(d.common), ...tail },
      };
    }
    case 'WebcastEmoteChatMessage': {
      // v1 read one emote (3) with a singular schema: the list's last.
      const em = o(arr(d.emoteList).at(-1));
      return { event: 'emote', data: { ...mapUser(d.user), ...msg(d.common), emoteId: s(em.emoteId), emoteImageUrl: lastUrl(em.image), ...tail } };
    }
    case 'WebcastEnvelopeMessage': {
      // v1 read common (1) as treasureBoxUser and envelopeInfo (2) as treasureBoxData {coins 5, canOpen 6, timestamp 7}
      // = {diamondCount, peopleCount, unpackAt (epoch s)}: so no msgId/createTime, and an empty frame keeps only
      // what v1's user block is made of without a user.
      const sender = displayUser(d.common);
      const box = d.envelopeInfo ? o(d.envelopeInfo) : null;
      return {
        event: 'envelope',
        data: {
          ...(sender ? mapUser(sender) : EMPTY_USER),
          ...(box ? { coins: n(box.diamondCount), canOpen: n(box.peopleCount), timestamp: n(box.unpackAt) } : {}),
          ...tail,
        },
      };
    }
    case 'WebcastQuestionNewMessage': {
      // v1 questionDetails (2) {questionText 2, user 5} = data {content, user}.
      const q = o(d.data);
      return { event: 'questionNew', data: { ...mapUser(q.user), ...msg(d.common), questionText: s(q.content), ...tail } };
    }
    case 'WebcastLiveIntroMessage':
      // v1 {id 2, description 4, user 5} = {id, content, user}.
      return { event: 'liveIntro', data: { ...mapUser(d.user), ...msg(d.common), id: s(d.id), description: s(d.content), ...tail } };
    case 'WebcastLinkMicBattle': {
      // v1 battleUsers (10) {battleGroup 2 {user 1}} = anchorsInfo {key, value {user}}.
      const battleUsers = arr(d.anchorsInfo).map((a) => o(o(a).value).user).filter(Boolean).map(mapBattleUser);
      return { event: 'linkMicBattle', data: { battleUsers, ...msg(d.common), ...tail } };
    }
    case 'WebcastLinkMicArmies': {
      // v1 battleItems (3) {hostUserId 1, battleGroups 2 {users 1, points 2}} = armies {key, value {userArmies, hostscore}};
      // v1 battleStatus (7) is v2's triggerReason.
      const entries = Object.entries(o(d.armies));
      const battleArmies = entries.map(([hostUserId, v]) => ({ hostUserId, points: n(o(v).hostscore), participants: arr(o(v).userArmies).map(mapArmyUser) }));
      return { event: 'linkMicArmies', data: { battleStatus: n(d.triggerReason), battleArmies, ...msg(d.common), ...tail } };
    }
    case 'WebcastControlMessage': {
      const action = n(d.action);
      return action === 3 || action === 4 ? { event: 'streamEnd', data: { action, ...tail } } : null;
    }
    default:
      return null;
  }
}

/**
 * The TLC v2 events one decoded message is, as tiktok-live-connector 2.5.0 emits them (its processDecodedData): social
 * splits into follow/share/social by display key, a control message is also a streamEnd when it ends the stream, a
 * barrage may also be superFan/superFanJoin, an envelope also superFanBox; every other type by its WebcastEventMap.
 */
export function tlcEventsOf(type: string, data: unknown): string[] {
  const d = o(data);
  const key = s(o(o(d.common).displayText).key).toLowerCase();
  switch (type) {
    case 'WebcastSocialMessage':
      return [key.includes('follow') ? 'follow' : key.includes('share') ? 'share' : 'social'];
    case 'WebcastControlMessage':
      return n(d.action) === 3 || n(d.action) === 4 ? ['controlMessage', 'streamEnd'] : ['controlMessage'];
    case 'WebcastGiftMessage':
      return ['gift'];
    case 'WebcastBarrageMessage': {
      const keys = [s(o(d.content).key), s(o(d.commonBarrageContent).key)].map((k) => k.toLowerCase());
      if (keys.some((k) => k.includes('ttlive_superfan_commentnotif_superfanjoined'))) return ['superFanJoin', 'barrage'];
      return keys.some((k) => k.includes('ttlive_superfan')) ? ['superFan', 'barrage'] : ['barrage'];
    }
    case 'WebcastEnvelopeMessage':
      return key.includes('ttlive_superfanbox') || n(o(d.envelopeInfo).businessType) === EnvelopeBusinessType.SUPER_FAN_BOX ? ['superFanBox', 'envelope'] : ['envelope'];
    default: {
      const e = (WebcastEventMap as Record<string, string>)[type];
      return e ? [e] : [];
    }
  }
}
