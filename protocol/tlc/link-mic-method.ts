import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicMethod: a co-host / guest link event (invite, join, leave). TLC v2.5 emits the decoded WebcastLinkMicMethod.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicMethod","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":5,"userId":"7001122334455667788","channelId":"7515592233445500001","fanTicket":"0","totalLinkmicFanTicket":"0","toUserId":"6983923605470856197","fromUserId":"7001122334455667788"}
 * ```
 */
export const linkMicMethodTlcSchema = tlcMessage({
  messageType: z.number(),
  userId: tlcInt64,
  channelId: tlcInt64,
  fanTicket: tlcInt64.optional(),
  totalLinkmicFanTicket: tlcInt64.optional(),
  toUserId: tlcInt64.optional(),
  fromUserId: tlcInt64.optional(),
});

/** linkMicMethod's TLC-style data. */
export type LinkMicMethodTlcData = z.infer<typeof linkMicMethodTlcSchema>;

/** A realistic linkMicMethod (the sample above). */
export const linkMicMethodTlcExample: LinkMicMethodTlcData = {"common":{"method":"WebcastLinkMicMethod","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":5,"userId":"7001122334455667788","channelId":"7515592233445500001","fanTicket":"0","totalLinkmicFanTicket":"0","toUserId":"6983923605470856197","fromUserId":"7001122334455667788"};
