import { z } from 'zod';
import { tlcBattleUserSchema, tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicBattle: a battle (PK) between hosts starts (action 1) or ends (action 2, with battleResult). TLC v2.5 emits the decoded WebcastLinkMicBattle.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicBattle","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","action":1,"battleSettings":{"battleId":"7515592233445566778","startTimeMs":"1749859560000","duration":300,"status":1,"battleType":1,"endTimeMs":"1749859860000"},"anchorsInfo":[{"key":"6983923605470856197","value":{"user":{"userId":"6983923605470856197","nickName":"Marco plays","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]},"displayId":"marco.plays"}}},{"key":"7001122334455667788","value":{"user":{"userId":"7001122334455667788","nickName":"Sofia live","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/9d8e7f~tplv-tiktok-shrink:72:72.webp"]},"displayId":"sofia.live"}}}]}
 * ```
 */
export const linkMicBattleTlcSchema = tlcMessage({
  battleId: tlcInt64,
  action: z.number(),
  battleSettings: z.object({ battleId: tlcInt64, startTimeMs: tlcInt64, duration: z.number(), status: z.number(), battleType: z.number().optional(), endTimeMs: tlcInt64.optional() }).loose().optional(),
  anchorsInfo: z.array(z.object({ key: tlcInt64, value: z.object({ user: tlcBattleUserSchema.optional(), tags: z.array(z.unknown()).optional() }).loose().optional() }).loose()),
  battleResult: z.record(z.string(), z.object({ userId: tlcInt64, result: z.number(), score: tlcInt64 }).loose()).optional(),
});

/** linkMicBattle's TLC-style data. */
export type LinkMicBattleTlcData = z.infer<typeof linkMicBattleTlcSchema>;

/** A realistic linkMicBattle (the sample above). */
export const linkMicBattleTlcExample: LinkMicBattleTlcData = {"common":{"method":"WebcastLinkMicBattle","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"battleId":"7515592233445566778","action":1,"battleSettings":{"battleId":"7515592233445566778","startTimeMs":"1749859560000","duration":300,"status":1,"battleType":1,"endTimeMs":"1749859860000"},"anchorsInfo":[{"key":"6983923605470856197","value":{"user":{"userId":"6983923605470856197","nickName":"Marco plays","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]},"displayId":"marco.plays"}}},{"key":"7001122334455667788","value":{"user":{"userId":"7001122334455667788","nickName":"Sofia live","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/9d8e7f~tplv-tiktok-shrink:72:72.webp"]},"displayId":"sofia.live"}}}]};
