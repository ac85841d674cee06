import type { EventName } from '../../../protocol/names.ts';
import { TIKTOK_EVENT_NAMES, type TiktokEventName } from '../../../protocol/tiktok-names.ts';

/**
 * A realistic POST /api/events body per event kind, for the JSON editor. `data` holds the kind's own fields (values
 * as in real TikFinity captures, see PROTOCOL.md); the simulator fills in the user block, msgId and createTime.
 */
export const EXAMPLES: Record<EventName, Record<string, unknown>> = {
  chat: { event: 'chat', data: { comment: 'No lets go', emotes: [] } },
  gift: { event: 'gift', data: { giftName: 'Rose', repeatCount: 5 } },
  like: { event: 'like', data: { likeCount: 15 }, count: 3 },
  member: { event: 'member', data: { actionId: 1 } },
  roomUser: { event: 'roomUser', data: { viewerCount: 1843 } },
  follow: { event: 'follow' },
  share: { event: 'share' },
  subscribe: { event: 'subscribe', data: { subMonth: 3, exhibitionType: 0, subscribingStatus: 1, oldSubscribeStatus: 1 } },
  emote: { event: 'emote', data: { emoteId: '7109766224932540206' } },
  envelope: { event: 'envelope', data: { coins: 500, canOpen: 12 } },
  questionNew: { event: 'questionNew', data: { questionText: 'what song is this?' } },
  liveIntro: { event: 'liveIntro', data: { description: 'Chill beats and gift goals tonight! 🎧' } },
  linkMicBattle: { event: 'linkMicBattle' },
  linkMicArmies: { event: 'linkMicArmies', data: { battleStatus: 1 } },
  streamEnd: { event: 'streamEnd', data: { action: 3 } },
  config: { event: 'config' },
  social: { event: 'social' },
};

/** The TikTok kinds TikFinity does not forward: fired only at a simulator started with `--all-kinds`. */
export type TlcOnlyKind = Exclude<TiktokEventName, EventName>;

/**
 * A POST /api/events body per TLC-style kind. `data` holds TLC v2.5 field names (protocol/tlc/<kind>.ts), merged over
 * what the simulator draws (common header, user, ids); a few fields a streamer would want to set are shown.
 */
export const TLC_EXAMPLES: Record<TlcOnlyKind, Record<string, unknown>> = {
  controlMessage: { event: 'controlMessage', data: { action: 1, tips: 'The LIVE is paused' } },
  barrage: { event: 'barrage', data: { msgType: 6 } },
  system: { event: 'system', data: { message: 'Welcome to TikTok LIVE!' } },
  hourlyRank: { event: 'hourlyRank' },
  goalUpdate: { event: 'goalUpdate', data: { contributeCount: '10', contributeScore: '10' } },
  roomMessage: { event: 'roomMessage', data: { content: 'Giveaway at 1K likes!' } },
  captionMessage: { event: 'captionMessage', data: { content: [{ lang: 'en', content: 'thanks for the rose' }] } },
  imDelete: { event: 'imDelete' },
  inRoomBanner: { event: 'inRoomBanner' },
  rankUpdate: { event: 'rankUpdate' },
  pollMessage: { event: 'pollMessage' },
  rankText: { event: 'rankText' },
  linkMicBattleItemCard: { event: 'linkMicBattleItemCard', data: { msgType: 2 } },
  linkMicBattlePunishFinish: { event: 'linkMicBattlePunishFinish' },
  linkMicBattleTask: { event: 'linkMicBattleTask' },
  linkMicFanTicketMethod: { event: 'linkMicFanTicketMethod' },
  linkMicMethod: { event: 'linkMicMethod' },
  unauthorizedMember: { event: 'unauthorizedMember' },
  oecLiveShopping: { event: 'oecLiveShopping', data: { liveProductNumber: 4 } },
  msgDetect: { event: 'msgDetect' },
  linkMessage: { event: 'linkMessage' },
  roomVerify: { event: 'roomVerify' },
  linkLayer: { event: 'linkLayer' },
  roomPin: { event: 'roomPin', data: { displayDuration: '30' } },
  superFan: { event: 'superFan' },
  superFanJoin: { event: 'superFanJoin' },
  superFanBox: { event: 'superFanBox', data: { envelopeInfo: { diamondCount: 100, peopleCount: 20 } } },
  accessControl: { event: 'accessControl' },
  accessRecall: { event: 'accessRecall' },
  boostCard: { event: 'boostCard' },
  bottomMessage: { event: 'bottomMessage', data: { content: 'Tap the gift box to support the creator' } },
  capsule: { event: 'capsule' },
  gameRankNotify: { event: 'gameRankNotify' },
  giftBroadcast: { event: 'giftBroadcast' },
  giftDynamicRestriction: { event: 'giftDynamicRestriction' },
  giftPanelUpdate: { event: 'giftPanelUpdate' },
  giftPrompt: { event: 'giftPrompt' },
  guide: { event: 'guide' },
  linkMicLayoutState: { event: 'linkMicLayoutState' },
  linkState: { event: 'linkState' },
  liveGameIntro: { event: 'liveGameIntro' },
  marqueeAnnouncement: { event: 'marqueeAnnouncement' },
  notice: { event: 'notice' },
  partnershipDropsUpdate: { event: 'partnershipDropsUpdate' },
  partnershipGameOffline: { event: 'partnershipGameOffline' },
  partnershipPunish: { event: 'partnershipPunish' },
  perception: { event: 'perception' },
  roomNotify: { event: 'roomNotify' },
  speaker: { event: 'speaker' },
  subNotify: { event: 'subNotify', data: { subMonth: '3' } },
  subPinEvent: { event: 'subPinEvent' },
  toast: { event: 'toast' },
  viewerPicksUpdate: { event: 'viewerPicksUpdate' },
  connected: { event: 'connected' },
  disconnected: { event: 'disconnected', data: { code: 1006, reason: '' } },
  error: { event: 'error' },
  rawData: { event: 'rawData' },
  decodedData: { event: 'decodedData' },
};

/** The TLC-style kinds in TLC's order, for the editor's second group. */
export const TLC_ONLY_KINDS = TIKTOK_EVENT_NAMES.filter((k): k is TlcOnlyKind => Object.hasOwn(TLC_EXAMPLES, k));

/** The example body as editor text. */
export function exampleText(kind: EventName | TlcOnlyKind): string {
  return JSON.stringify(Object.hasOwn(EXAMPLES, kind) ? EXAMPLES[kind as EventName] : TLC_EXAMPLES[kind as TlcOnlyKind], null, 2);
}
