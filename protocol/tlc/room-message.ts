import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * roomMessage: a room notice in the chat (the welcome text, the streamer's announcements). TLC v2.5 emits the decoded WebcastRoomMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRoomMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Be kind in the chat and follow the community guidelines.","source":1,"scene":"","isWelcome":true}
 * ```
 */
export const roomMessageTlcSchema = tlcMessage({
  content: z.string(),
  source: z.number().optional(),
  scene: z.string().optional(),
  isWelcome: z.boolean().optional(),
});

/** roomMessage's TLC-style data. */
export type RoomMessageTlcData = z.infer<typeof roomMessageTlcSchema>;

/** A realistic roomMessage (the sample above). */
export const roomMessageTlcExample: RoomMessageTlcData = {"common":{"method":"WebcastRoomMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Be kind in the chat and follow the community guidelines.","source":1,"scene":"","isWelcome":true};
