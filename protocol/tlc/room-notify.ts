import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * roomNotify: a room notification (a big gift elsewhere, a ranking win). TLC v2.5 emits the decoded WebcastRoomNotifyMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRoomNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"notifyType":"1","content":"Marco plays is No. 3 in the hourly ranking","schema":"","fromUserId":"6983923605470856197"}
 * ```
 */
export const roomNotifyTlcSchema = tlcMessage({
  notifyType: tlcInt64,
  content: z.string(),
  schema: z.string().optional(),
  fromUserId: tlcInt64.optional(),
});

/** roomNotify's TLC-style data. */
export type RoomNotifyTlcData = z.infer<typeof roomNotifyTlcSchema>;

/** A realistic roomNotify (the sample above). */
export const roomNotifyTlcExample: RoomNotifyTlcData = {"common":{"method":"WebcastRoomNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"notifyType":"1","content":"Marco plays is No. 3 in the hourly ranking","schema":"","fromUserId":"6983923605470856197"};
