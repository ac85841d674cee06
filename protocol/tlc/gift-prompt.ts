import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * giftPrompt: a gifting prompt to the viewer (spending reminder). TLC v2.5 emits the decoded WebcastGiftPromptMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGiftPromptMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"title":"Take a break?","body":"You have sent many gifts today.","blockNumDays":0}
 * ```
 */
export const giftPromptTlcSchema = tlcMessage({
  title: z.string(),
  body: z.string(),
  blockNumDays: z.number().optional(),
});

/** giftPrompt's TLC-style data. */
export type GiftPromptTlcData = z.infer<typeof giftPromptTlcSchema>;

/** A realistic giftPrompt (the sample above). */
export const giftPromptTlcExample: GiftPromptTlcData = {"common":{"method":"WebcastGiftPromptMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"title":"Take a break?","body":"You have sent many gifts today.","blockNumDays":0};
