import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMessage: a multi-guest link change (a guest invited, entered, left). TLC v2.5 emits the decoded WebcastLinkMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":2,"linkerId":"7515592233445500002","scene":4,"expireTimestamp":"0"}
 * ```
 */
export const linkMessageTlcSchema = tlcMessage({
  messageType: z.number(),
  linkerId: tlcInt64,
  scene: z.number(),
  expireTimestamp: tlcInt64.optional(),
});

/** linkMessage's TLC-style data. */
export type LinkMessageTlcData = z.infer<typeof linkMessageTlcSchema>;

/** A realistic linkMessage (the sample above). */
export const linkMessageTlcExample: LinkMessageTlcData = {"common":{"method":"WebcastLinkMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":2,"linkerId":"7515592233445500002","scene":4,"expireTimestamp":"0"};
