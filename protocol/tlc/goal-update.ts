import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcMessage } from './common.ts';

/**
 * goalUpdate: a LIVE goal's progress moved (a gift or like goal); subGoals carry progress/target. TLC v2.5 emits the decoded WebcastGoalUpdateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGoalUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"goal":{"id":"7515594455667788990","idStr":"7515594455667788990","type":1,"status":1,"description":"New tablet pen","startTime":"1749855000","subGoals":[{"type":1,"id":"5655","idStr":"5655","progress":"342","target":"1000","gift":{"name":"Rose","diamondCount":"1","type":1,"icon":{"urlList":["https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png"]}}}],"contributors":[{"userId":"7350695922194564138","displayId":"lena.draws","score":"120","avatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]}}],"contributorsLength":1},"contributorId":"7350695922194564138","contributorDisplayId":"lena.draws","contributeCount":"3","contributeScore":"3","giftRepeatCount":"3","contributorIdStr":"7350695922194564138","contributorAvatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"updateSource":1}
 * ```
 */
export const goalUpdateTlcSchema = tlcMessage({
  goal: z.object({ id: tlcInt64, idStr: z.string(), type: z.number(), status: z.number(), description: z.string(), subGoals: z.array(z.object({ type: z.number(), id: tlcInt64, idStr: z.string().optional(), progress: tlcInt64, target: tlcInt64, gift: z.object({ name: z.string(), diamondCount: tlcInt64, type: z.number(), icon: tlcImageSchema.optional() }).loose().optional() }).loose()), contributors: z.array(z.object({ userId: tlcInt64, displayId: z.string(), score: tlcInt64, avatar: tlcImageSchema.optional() }).loose()).optional(), contributorsLength: z.number().optional(), startTime: tlcInt64.optional(), expireTime: tlcInt64.optional() }).loose(),
  contributorId: tlcInt64,
  contributorDisplayId: z.string(),
  contributeCount: tlcInt64,
  contributeScore: tlcInt64,
  giftRepeatCount: tlcInt64.optional(),
  contributorIdStr: z.string().optional(),
  contributorAvatar: tlcImageSchema.optional(),
  updateSource: z.number(),
});

/** goalUpdate's TLC-style data. */
export type GoalUpdateTlcData = z.infer<typeof goalUpdateTlcSchema>;

/** A realistic goalUpdate (the sample above). */
export const goalUpdateTlcExample: GoalUpdateTlcData = {"common":{"method":"WebcastGoalUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"goal":{"id":"7515594455667788990","idStr":"7515594455667788990","type":1,"status":1,"description":"New tablet pen","startTime":"1749855000","subGoals":[{"type":1,"id":"5655","idStr":"5655","progress":"342","target":"1000","gift":{"name":"Rose","diamondCount":"1","type":1,"icon":{"urlList":["https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png"]}}}],"contributors":[{"userId":"7350695922194564138","displayId":"lena.draws","score":"120","avatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]}}],"contributorsLength":1},"contributorId":"7350695922194564138","contributorDisplayId":"lena.draws","contributeCount":"3","contributeScore":"3","giftRepeatCount":"3","contributorIdStr":"7350695922194564138","contributorAvatar":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"updateSource":1};
