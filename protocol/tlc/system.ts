import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * system: a system notice in the chat. TLC v2.5 emits the decoded WebcastSystemMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastSystemMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"message":"Welcome to TikTok LIVE! Have fun interacting with others in real time."}
 * ```
 */
export const systemTlcSchema = tlcMessage({
  message: z.string(),
});

/** system's TLC-style data. */
export type SystemTlcData = z.infer<typeof systemTlcSchema>;

/** A realistic system (the sample above). */
export const systemTlcExample: SystemTlcData = {"common":{"method":"WebcastSystemMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"message":"Welcome to TikTok LIVE! Have fun interacting with others in real time."};
