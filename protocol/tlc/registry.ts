/** The registry of TLC-style data: one schema and one example per TLC event name. */
import type { z } from 'zod';
import type { TiktokEventName } from '../tiktok-names.ts';
import { accessControlTlcExample, accessControlTlcSchema } from './access-control.ts';
import { accessRecallTlcExample, accessRecallTlcSchema } from './access-recall.ts';
import { barrageTlcExample, barrageTlcSchema } from './barrage.ts';
import { boostCardTlcExample, boostCardTlcSchema } from './boost-card.ts';
import { bottomMessageTlcExample, bottomMessageTlcSchema } from './bottom-message.ts';
import { capsuleTlcExample, capsuleTlcSchema } from './capsule.ts';
import { captionMessageTlcExample, captionMessageTlcSchema } from './caption-message.ts';
import { chatTlcExample, chatTlcSchema } from './chat.ts';
import { connectedTlcExample, connectedTlcSchema } from './connected.ts';
import { controlMessageTlcExample, controlMessageTlcSchema } from './control-message.ts';
import { decodedDataTlcExample, decodedDataTlcSchema } from './decoded-data.ts';
import { disconnectedTlcExample, disconnectedTlcSchema } from './disconnected.ts';
import { emoteTlcExample, emoteTlcSchema } from './emote.ts';
import { envelopeTlcExample, envelopeTlcSchema } from './envelope.ts';
import { errorTlcExample, errorTlcSchema } from './error.ts';
import { followTlcExample, followTlcSchema } from './follow.ts';
import { gameRankNotifyTlcExample, gameRankNotifyTlcSchema } from './game-rank-notify.ts';
import { giftTlcExample, giftTlcSchema } from './gift.ts';
import { giftBroadcastTlcExample, giftBroadcastTlcSchema } from './gift-broadcast.ts';
import { giftDynamicRestrictionTlcExample, giftDynamicRestrictionTlcSchema } from './gift-dynamic-restriction.ts';
import { giftPanelUpdateTlcExample, giftPanelUpdateTlcSchema } from './gift-panel-update.ts';
import { giftPromptTlcExample, giftPromptTlcSchema } from './gift-prompt.ts';
import { goalUpdateTlcExample, goalUpdateTlcSchema } from './goal-update.ts';
import { guideTlcExample, guideTlcSchema } from './guide.ts';
import { hourlyRankTlcExample, hourlyRankTlcSchema } from './hourly-rank.ts';
import { imDeleteTlcExample, imDeleteTlcSchema } from './im-delete.ts';
import { inRoomBannerTlcExample, inRoomBannerTlcSchema } from './in-room-banner.ts';
import { likeTlcExample, likeTlcSchema } from './like.ts';
import { linkLayerTlcExample, linkLayerTlcSchema } from './link-layer.ts';
import { linkMessageTlcExample, linkMessageTlcSchema } from './link-message.ts';
import { linkMicArmiesTlcExample, linkMicArmiesTlcSchema } from './link-mic-armies.ts';
import { linkMicBattleTlcExample, linkMicBattleTlcSchema } from './link-mic-battle.ts';
import { linkMicBattleItemCardTlcExample, linkMicBattleItemCardTlcSchema } from './link-mic-battle-item-card.ts';
import { linkMicBattlePunishFinishTlcExample, linkMicBattlePunishFinishTlcSchema } from './link-mic-battle-punish-finish.ts';
import { linkMicBattleTaskTlcExample, linkMicBattleTaskTlcSchema } from './link-mic-battle-task.ts';
import { linkMicFanTicketMethodTlcExample, linkMicFanTicketMethodTlcSchema } from './link-mic-fan-ticket-method.ts';
import { linkMicLayoutStateTlcExample, linkMicLayoutStateTlcSchema } from './link-mic-layout-state.ts';
import { linkMicMethodTlcExample, linkMicMethodTlcSchema } from './link-mic-method.ts';
import { linkStateTlcExample, linkStateTlcSchema } from './link-state.ts';
import { liveGameIntroTlcExample, liveGameIntroTlcSchema } from './live-game-intro.ts';
import { liveIntroTlcExample, liveIntroTlcSchema } from './live-intro.ts';
import { marqueeAnnouncementTlcExample, marqueeAnnouncementTlcSchema } from './marquee-announcement.ts';
import { memberTlcExample, memberTlcSchema } from './member.ts';
import { msgDetectTlcExample, msgDetectTlcSchema } from './msg-detect.ts';
import { noticeTlcExample, noticeTlcSchema } from './notice.ts';
import { oecLiveShoppingTlcExample, oecLiveShoppingTlcSchema } from './oec-live-shopping.ts';
import { partnershipDropsUpdateTlcExample, partnershipDropsUpdateTlcSchema } from './partnership-drops-update.ts';
import { partnershipGameOfflineTlcExample, partnershipGameOfflineTlcSchema } from './partnership-game-offline.ts';
import { partnershipPunishTlcExample, partnershipPunishTlcSchema } from './partnership-punish.ts';
import { perceptionTlcExample, perceptionTlcSchema } from './perception.ts';
import { pollMessageTlcExample, pollMessageTlcSchema } from './poll-message.ts';
import { questionNewTlcExample, questionNewTlcSchema } from './question-new.ts';
import { rankTextTlcExample, rankTextTlcSchema } from './rank-text.ts';
import { rankUpdateTlcExample, rankUpdateTlcSchema } from './rank-update.ts';
import { rawDataTlcExample, rawDataTlcSchema } from './raw-data.ts';
import { roomMessageTlcExample, roomMessageTlcSchema } from './room-message.ts';
import { roomNotifyTlcExample, roomNotifyTlcSchema } from './room-notify.ts';
import { roomPinTlcExample, roomPinTlcSchema } from './room-pin.ts';
import { roomUserTlcExample, roomUserTlcSchema } from './room-user.ts';
import { roomVerifyTlcExample, roomVerifyTlcSchema } from './room-verify.ts';
import { shareTlcExample, shareTlcSchema } from './share.ts';
import { socialTlcExample, socialTlcSchema } from './social.ts';
import { speakerTlcExample, speakerTlcSchema } from './speaker.ts';
import { streamEndTlcExample, streamEndTlcSchema } from './stream-end.ts';
import { subNotifyTlcExample, subNotifyTlcSchema } from './sub-notify.ts';
import { subPinEventTlcExample, subPinEventTlcSchema } from './sub-pin-event.ts';
import { superFanTlcExample, superFanTlcSchema } from './super-fan.ts';
import { superFanBoxTlcExample, superFanBoxTlcSchema } from './super-fan-box.ts';
import { superFanJoinTlcExample, superFanJoinTlcSchema } from './super-fan-join.ts';
import { systemTlcExample, systemTlcSchema } from './system.ts';
import { toastTlcExample, toastTlcSchema } from './toast.ts';
import { unauthorizedMemberTlcExample, unauthorizedMemberTlcSchema } from './unauthorized-member.ts';
import { viewerPicksUpdateTlcExample, viewerPicksUpdateTlcSchema } from './viewer-picks-update.ts';

/** One schema per TLC event name; a name added to TIKTOK_EVENT_NAMES fails the build until it has one here. */
export const tlcSchemas = {
  chat: chatTlcSchema,
  member: memberTlcSchema,
  gift: giftTlcSchema,
  roomUser: roomUserTlcSchema,
  social: socialTlcSchema,
  like: likeTlcSchema,
  questionNew: questionNewTlcSchema,
  linkMicBattle: linkMicBattleTlcSchema,
  linkMicArmies: linkMicArmiesTlcSchema,
  liveIntro: liveIntroTlcSchema,
  emote: emoteTlcSchema,
  envelope: envelopeTlcSchema,
  follow: followTlcSchema,
  share: shareTlcSchema,
  streamEnd: streamEndTlcSchema,
  controlMessage: controlMessageTlcSchema,
  barrage: barrageTlcSchema,
  system: systemTlcSchema,
  hourlyRank: hourlyRankTlcSchema,
  goalUpdate: goalUpdateTlcSchema,
  roomMessage: roomMessageTlcSchema,
  captionMessage: captionMessageTlcSchema,
  imDelete: imDeleteTlcSchema,
  inRoomBanner: inRoomBannerTlcSchema,
  rankUpdate: rankUpdateTlcSchema,
  pollMessage: pollMessageTlcSchema,
  rankText: rankTextTlcSchema,
  linkMicBattleItemCard: linkMicBattleItemCardTlcSchema,
  linkMicBattlePunishFinish: linkMicBattlePunishFinishTlcSchema,
  linkMicBattleTask: linkMicBattleTaskTlcSchema,
  linkMicFanTicketMethod: linkMicFanTicketMethodTlcSchema,
  linkMicMethod: linkMicMethodTlcSchema,
  unauthorizedMember: unauthorizedMemberTlcSchema,
  oecLiveShopping: oecLiveShoppingTlcSchema,
  msgDetect: msgDetectTlcSchema,
  linkMessage: linkMessageTlcSchema,
  roomVerify: roomVerifyTlcSchema,
  linkLayer: linkLayerTlcSchema,
  roomPin: roomPinTlcSchema,
  superFan: superFanTlcSchema,
  superFanJoin: superFanJoinTlcSchema,
  superFanBox: superFanBoxTlcSchema,
  accessControl: accessControlTlcSchema,
  accessRecall: accessRecallTlcSchema,
  boostCard: boostCardTlcSchema,
  bottomMessage: bottomMessageTlcSchema,
  capsule: capsuleTlcSchema,
  gameRankNotify: gameRankNotifyTlcSchema,
  giftBroadcast: giftBroadcastTlcSchema,
  giftDynamicRestriction: giftDynamicRestrictionTlcSchema,
  giftPanelUpdate: giftPanelUpdateTlcSchema,
  giftPrompt: giftPromptTlcSchema,
  guide: guideTlcSchema,
  linkMicLayoutState: linkMicLayoutStateTlcSchema,
  linkState: linkStateTlcSchema,
  liveGameIntro: liveGameIntroTlcSchema,
  marqueeAnnouncement: marqueeAnnouncementTlcSchema,
  notice: noticeTlcSchema,
  partnershipDropsUpdate: partnershipDropsUpdateTlcSchema,
  partnershipGameOffline: partnershipGameOfflineTlcSchema,
  partnershipPunish: partnershipPunishTlcSchema,
  perception: perceptionTlcSchema,
  roomNotify: roomNotifyTlcSchema,
  speaker: speakerTlcSchema,
  subNotify: subNotifyTlcSchema,
  subPinEvent: subPinEventTlcSchema,
  toast: toastTlcSchema,
  viewerPicksUpdate: viewerPicksUpdateTlcSchema,
  connected: connectedTlcSchema,
  disconnected: disconnectedTlcSchema,
  error: errorTlcSchema,
  rawData: rawDataTlcSchema,
  decodedData: decodedDataTlcSchema,
} satisfies Record<TiktokEventName, z.ZodType>;

/** The TLC-style data type of each event name, derived from its schema. */
export type TlcDataMap = { [K in TiktokEventName]: z.infer<(typeof tlcSchemas)[K]> };

/** A realistic example of each kind's TLC-style data (each validates against its schema; a test checks it). */
export const tlcExamples: { [K in TiktokEventName]: TlcDataMap[K] } = {
  chat: chatTlcExample,
  member: memberTlcExample,
  gift: giftTlcExample,
  roomUser: roomUserTlcExample,
  social: socialTlcExample,
  like: likeTlcExample,
  questionNew: questionNewTlcExample,
  linkMicBattle: linkMicBattleTlcExample,
  linkMicArmies: linkMicArmiesTlcExample,
  liveIntro: liveIntroTlcExample,
  emote: emoteTlcExample,
  envelope: envelopeTlcExample,
  follow: followTlcExample,
  share: shareTlcExample,
  streamEnd: streamEndTlcExample,
  controlMessage: controlMessageTlcExample,
  barrage: barrageTlcExample,
  system: systemTlcExample,
  hourlyRank: hourlyRankTlcExample,
  goalUpdate: goalUpdateTlcExample,
  roomMessage: roomMessageTlcExample,
  captionMessage: captionMessageTlcExample,
  imDelete: imDeleteTlcExample,
  inRoomBanner: inRoomBannerTlcExample,
  rankUpdate: rankUpdateTlcExample,
  pollMessage: pollMessageTlcExample,
  rankText: rankTextTlcExample,
  linkMicBattleItemCard: linkMicBattleItemCardTlcExample,
  linkMicBattlePunishFinish: linkMicBattlePunishFinishTlcExample,
  linkMicBattleTask: linkMicBattleTaskTlcExample,
  linkMicFanTicketMethod: linkMicFanTicketMethodTlcExample,
  linkMicMethod: linkMicMethodTlcExample,
  unauthorizedMember: unauthorizedMemberTlcExample,
  oecLiveShopping: oecLiveShoppingTlcExample,
  msgDetect: msgDetectTlcExample,
  linkMessage: linkMessageTlcExample,
  roomVerify: roomVerifyTlcExample,
  linkLayer: linkLayerTlcExample,
  roomPin: roomPinTlcExample,
  superFan: superFanTlcExample,
  superFanJoin: superFanJoinTlcExample,
  superFanBox: superFanBoxTlcExample,
  accessControl: accessControlTlcExample,
  accessRecall: accessRecallTlcExample,
  boostCard: boostCardTlcExample,
  bottomMessage: bottomMessageTlcExample,
  capsule: capsuleTlcExample,
  gameRankNotify: gameRankNotifyTlcExample,
  giftBroadcast: giftBroadcastTlcExample,
  giftDynamicRestriction: giftDynamicRestrictionTlcExample,
  giftPanelUpdate: giftPanelUpdateTlcExample,
  giftPrompt: giftPromptTlcExample,
  guide: guideTlcExample,
  linkMicLayoutState: linkMicLayoutStateTlcExample,
  linkState: linkStateTlcExample,
  liveGameIntro: liveGameIntroTlcExample,
  marqueeAnnouncement: marqueeAnnouncementTlcExample,
  notice: noticeTlcExample,
  partnershipDropsUpdate: partnershipDropsUpdateTlcExample,
  partnershipGameOffline: partnershipGameOfflineTlcExample,
  partnershipPunish: partnershipPunishTlcExample,
  perception: perceptionTlcExample,
  roomNotify: roomNotifyTlcExample,
  speaker: speakerTlcExample,
  subNotify: subNotifyTlcExample,
  subPinEvent: subPinEventTlcExample,
  toast: toastTlcExample,
  viewerPicksUpdate: viewerPicksUpdateTlcExample,
  connected: connectedTlcExample,
  disconnected: disconnectedTlcExample,
  error: errorTlcExample,
  rawData: rawDataTlcExample,
  decodedData: decodedDataTlcExample,
};
