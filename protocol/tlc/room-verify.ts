import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * roomVerify: a moderation notice to the room (TikTok verifying the LIVE; closeRoom ends it). TLC v2.5 emits the decoded WebcastRoomVerifyMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRoomVerifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"content":"Your LIVE is under review.","noticeType":"1","closeRoom":false}
 * ```
 */
export const roomVerifyTlcSchema = tlcMessage({
  action: z.number(),
  content: z.string(),
  noticeType: tlcInt64,
  closeRoom: z.boolean(),
});

/** roomVerify's TLC-style data. */
export type RoomVerifyTlcData = z.infer<typeof roomVerifyTlcSchema>;

/** A realistic roomVerify (the sample above). */
export const roomVerifyTlcExample: RoomVerifyTlcData = {"common":{"method":"WebcastRoomVerifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"content":"Your LIVE is under review.","noticeType":"1","closeRoom":false};
