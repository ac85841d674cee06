import { z } from 'zod';
import { tlcInt64, tlcTextSchema, tlcMessage } from './common.ts';

/**
 * rankText: a ranking text in the chat (a viewer reached a top-gifter place). TLC v2.5 emits the decoded WebcastRankTextMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRankTextMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"scene":1,"ownerIdxBeforeUpdate":"5","ownerIdxAfterUpdate":"2","curUserId":"7350695922194564138","otherGetBadgeMsg":{"key":"live_rank_text_top_viewer","defaultPattern":"{0:user} is now No. {1:string} top viewer","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}},{"type":1,"stringValue":"2"}]}}
 * ```
 */
export const rankTextTlcSchema = tlcMessage({
  scene: z.number(),
  ownerIdxBeforeUpdate: tlcInt64.optional(),
  ownerIdxAfterUpdate: tlcInt64.optional(),
  selfGetBadgeMsg: tlcTextSchema.optional(),
  otherGetBadgeMsg: tlcTextSchema.optional(),
  curUserId: tlcInt64.optional(),
});

/** rankText's TLC-style data. */
export type RankTextTlcData = z.infer<typeof rankTextTlcSchema>;

/** A realistic rankText (the sample above). */
export const rankTextTlcExample: RankTextTlcData = {"common":{"method":"WebcastRankTextMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"scene":1,"ownerIdxBeforeUpdate":"5","ownerIdxAfterUpdate":"2","curUserId":"7350695922194564138","otherGetBadgeMsg":{"key":"live_rank_text_top_viewer","defaultPattern":"{0:user} is now No. {1:string} top viewer","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}},{"type":1,"stringValue":"2"}]}};
