/**
 * The kind registry: one spec per event name (simulator/events/<kind>.ts). A name added to protocol's EVENT_NAMES
 * fails the build here until it has a spec; the rate kinds, their defaults and the burst kinds derive from it.
 * Key order is the order arrivals are drawn in: it is part of what a seed repeats, so new kinds go at the end.
 */
import type { EventName, TiktokEventName } from '../../protocol/index.ts';
import { chatKind } from './chat.ts';
import { configKind } from './config.ts';
import { emoteKind } from './emote.ts';
import { envelopeKind } from './envelope.ts';
import { followKind } from './follow.ts';
import { giftKind } from './gift.ts';
import type { KindSpec } from './kind-spec.ts';
import { likeKind } from './like.ts';
import { linkMicArmiesKind } from './link-mic-armies.ts';
import { linkMicBattleKind } from './link-mic-battle.ts';
import { liveIntroKind } from './live-intro.ts';
import { memberKind } from './member.ts';
import { questionNewKind } from './question-new.ts';
import { roomUserKind } from './room-user.ts';
import { shareKind } from './share.ts';
import { socialKind } from './social.ts';
import { streamEndKind } from './stream-end.ts';
import { subscribeKind } from './subscribe.ts';
import { accessControlKind } from './access-control.ts';
import { accessRecallKind } from './access-recall.ts';
import { barrageKind } from './barrage.ts';
import { boostCardKind } from './boost-card.ts';
import { bottomMessageKind } from './bottom-message.ts';
import { capsuleKind } from './capsule.ts';
import { captionMessageKind } from './caption-message.ts';
import { connectedKind } from './connected.ts';
import { controlMessageKind } from './control-message.ts';
import { decodedDataKind } from './decoded-data.ts';
import { disconnectedKind } from './disconnected.ts';
import { errorKind } from './error.ts';
import { gameRankNotifyKind } from './game-rank-notify.ts';
import { giftBroadcastKind } from './gift-broadcast.ts';
import { giftDynamicRestrictionKind } from './gift-dynamic-restriction.ts';
import { giftPanelUpdateKind } from './gift-panel-update.ts';
import { giftPromptKind } from './gift-prompt.ts';
import { goalUpdateKind } from './goal-update.ts';
import { guideKind } from './guide.ts';
import { hourlyRankKind } from './hourly-rank.ts';
import { imDeleteKind } from './im-delete.ts';
import { inRoomBannerKind } from './in-room-banner.ts';
import { linkLayerKind } from './link-layer.ts';
import { linkMessageKind } from './link-message.ts';
import { linkMicBattleItemCardKind } from './link-mic-battle-item-card.ts';
import { linkMicBattlePunishFinishKind } from './link-mic-battle-punish-finish.ts';
import { linkMicBattleTaskKind } from './link-mic-battle-task.ts';
import { linkMicFanTicketMethodKind } from './link-mic-fan-ticket-method.ts';
import { linkMicLayoutStateKind } from './link-mic-layout-state.ts';
import { linkMicMethodKind } from './link-mic-method.ts';
import { linkStateKind } from './link-state.ts';
import { liveGameIntroKind } from './live-game-intro.ts';
import { marqueeAnnouncementKind } from './marquee-announcement.ts';
import { msgDetectKind } from './msg-detect.ts';
import { noticeKind } from './notice.ts';
import { oecLiveShoppingKind } from './oec-live-shopping.ts';
import { partnershipDropsUpdateKind } from './partnership-drops-update.ts';
import { partnershipGameOfflineKind } from './partnership-game-offline.ts';
import { partnershipPunishKind } from './partnership-punish.ts';
import { perceptionKind } from './perception.ts';
import { pollMessageKind } from './poll-message.ts';
import { rankTextKind } from './rank-text.ts';
import { rankUpdateKind } from './rank-update.ts';
import { rawDataKind } from './raw-data.ts';
import { roomMessageKind } from './room-message.ts';
import { roomNotifyKind } from './room-notify.ts';
import { roomPinKind } from './room-pin.ts';
import { roomVerifyKind } from './room-verify.ts';
import { speakerKind } from './speaker.ts';
import { subNotifyKind } from './sub-notify.ts';
import { subPinEventKind } from './sub-pin-event.ts';
import { superFanKind } from './super-fan.ts';
import { superFanBoxKind } from './super-fan-box.ts';
import { superFanJoinKind } from './super-fan-join.ts';
import { systemKind } from './system.ts';
import { toastKind } from './toast.ts';
import { unauthorizedMemberKind } from './unauthorized-member.ts';
import { viewerPicksUpdateKind } from './viewer-picks-update.ts';

export type { KindHost, KindSpec, FiredData } from './kind-spec.ts';

/** Every kind the simulator knows: TikFinity's 17 and every other TikTok-Live-Connector event name. */
export type SimKind = EventName | TiktokEventName;

/** Every kind the simulator sends, generated, fired or on connect. */
export const KINDS = {
  chat: chatKind,
  like: likeKind,
  gift: giftKind,
  member: memberKind,
  follow: followKind,
  share: shareKind,
  subscribe: subscribeKind,
  emote: emoteKind,
  envelope: envelopeKind,
  questionNew: questionNewKind,
  liveIntro: liveIntroKind,
  linkMicBattle: linkMicBattleKind,
  linkMicArmies: linkMicArmiesKind,
  roomUser: roomUserKind,
  streamEnd: streamEndKind,
  config: configKind,
  social: socialKind,
  // The kinds TikFinity does not forward (TLC-style frames, only with allKinds), in TIKTOK_EVENT_NAMES order.
  controlMessage: controlMessageKind,
  barrage: barrageKind,
  system: systemKind,
  hourlyRank: hourlyRankKind,
  goalUpdate: goalUpdateKind,
  roomMessage: roomMessageKind,
  captionMessage: captionMessageKind,
  imDelete: imDeleteKind,
  inRoomBanner: inRoomBannerKind,
  rankUpdate: rankUpdateKind,
  pollMessage: pollMessageKind,
  rankText: rankTextKind,
  linkMicBattleItemCard: linkMicBattleItemCardKind,
  linkMicBattlePunishFinish: linkMicBattlePunishFinishKind,
  linkMicBattleTask: linkMicBattleTaskKind,
  linkMicFanTicketMethod: linkMicFanTicketMethodKind,
  linkMicMethod: linkMicMethodKind,
  unauthorizedMember: unauthorizedMemberKind,
  oecLiveShopping: oecLiveShoppingKind,
  msgDetect: msgDetectKind,
  linkMessage: linkMessageKind,
  roomVerify: roomVerifyKind,
  linkLayer: linkLayerKind,
  roomPin: roomPinKind,
  superFan: superFanKind,
  superFanJoin: superFanJoinKind,
  superFanBox: superFanBoxKind,
  accessControl: accessControlKind,
  accessRecall: accessRecallKind,
  boostCard: boostCardKind,
  bottomMessage: bottomMessageKind,
  capsule: capsuleKind,
  gameRankNotify: gameRankNotifyKind,
  giftBroadcast: giftBroadcastKind,
  giftDynamicRestriction: giftDynamicRestrictionKind,
  giftPanelUpdate: giftPanelUpdateKind,
  giftPrompt: giftPromptKind,
  guide: guideKind,
  linkMicLayoutState: linkMicLayoutStateKind,
  linkState: linkStateKind,
  liveGameIntro: liveGameIntroKind,
  marqueeAnnouncement: marqueeAnnouncementKind,
  notice: noticeKind,
  partnershipDropsUpdate: partnershipDropsUpdateKind,
  partnershipGameOffline: partnershipGameOfflineKind,
  partnershipPunish: partnershipPunishKind,
  perception: perceptionKind,
  roomNotify: roomNotifyKind,
  speaker: speakerKind,
  subNotify: subNotifyKind,
  subPinEvent: subPinEventKind,
  toast: toastKind,
  viewerPicksUpdate: viewerPicksUpdateKind,
  connected: connectedKind,
  disconnected: disconnectedKind,
  error: errorKind,
  rawData: rawDataKind,
  decodedData: decodedDataKind,
} satisfies Record<SimKind, KindSpec>;

type Kinds = typeof KINDS;

/** Kinds generated as Poisson arrivals: those whose spec has a default rate. */
export type RateKind = { [K in keyof Kinds]: Kinds[K] extends { rate: number } ? K : never }[keyof Kinds];

const specs = KINDS as Record<SimKind, KindSpec>;

/** The rate kinds, in draw order: TikFinity's first, then the TLC-style ones. */
export const RATE_KINDS = (Object.keys(KINDS) as SimKind[]).filter((k) => specs[k].rate !== undefined) as RateKind[];

/** The rate kinds of a default engine (TikFinity's); an `allKinds` engine draws RATE_KINDS. */
export const TIKFINITY_RATE_KINDS = RATE_KINDS.filter((k) => specs[k].tlc !== true);

/** Every kind a default engine sends (TikFinity's 17). */
export const TIKFINITY_KINDS = (Object.keys(KINDS) as SimKind[]).filter((k) => specs[k].tlc !== true) as EventName[];

/** True when `k` is a kind of the registry. */
export function isSimKind(k: string): k is SimKind {
  return Object.hasOwn(KINDS, k);
}

/** Each rate kind's default events/s. */
export const DEFAULT_RATES = Object.fromEntries(RATE_KINDS.map((k) => [k, specs[k].rate!])) as Record<RateKind, number>;

/** Kinds a fault burst may fire (all but those sent on connect only). */
export const BURST_KINDS = TIKFINITY_KINDS.filter((k) => !specs[k].noBurst);

/** The spec of a kind. */
export function kindSpec(k: SimKind): KindSpec {
  return specs[k];
}
