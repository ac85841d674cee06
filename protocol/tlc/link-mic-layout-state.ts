import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicLayoutState: the multi-guest layout changed. TLC v2.5 emits the decoded WebcastLinkMicLayoutStateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkMicLayoutStateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","scene":2,"version":"3"}
 * ```
 */
export const linkMicLayoutStateTlcSchema = tlcMessage({
  channelId: tlcInt64,
  scene: z.number(),
  version: tlcInt64.optional(),
});

/** linkMicLayoutState's TLC-style data. */
export type LinkMicLayoutStateTlcData = z.infer<typeof linkMicLayoutStateTlcSchema>;

/** A realistic linkMicLayoutState (the sample above). */
export const linkMicLayoutStateTlcExample: LinkMicLayoutStateTlcData = {"common":{"method":"WebcastLinkMicLayoutStateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"channelId":"7515592233445500001","scene":2,"version":"3"};
