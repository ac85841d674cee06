import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkState: the co-host link state changed. TLC v2.5 emits the decoded WebcastLinkStateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkStateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","scene":2,"version":"4"}
 * ```
 */
export const linkStateTlcSchema = tlcMessage({
  channelId: tlcInt64,
  scene: z.number(),
  version: tlcInt64.optional(),
});

/** linkState's TLC-style data. */
export type LinkStateTlcData = z.infer<typeof linkStateTlcSchema>;

/** A realistic linkState (the sample above). */
export const linkStateTlcExample: LinkStateTlcData = {"common":{"method":"WebcastLinkStateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","scene":2,"version":"4"};
