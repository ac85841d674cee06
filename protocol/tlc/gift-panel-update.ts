import type { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * giftPanelUpdate: the gift panel changed (new gifts, a gallery update). TLC v2.5 emits the decoded WebcastGiftPanelUpdateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGiftPanelUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"roomId":"7515581234567890123","timestamp":"1749859560"}
 * ```
 */
export const giftPanelUpdateTlcSchema = tlcMessage({
  roomId: tlcInt64,
  timestamp: tlcInt64,
});

/** giftPanelUpdate's TLC-style data. */
export type GiftPanelUpdateTlcData = z.infer<typeof giftPanelUpdateTlcSchema>;

/** A realistic giftPanelUpdate (the sample above). */
export const giftPanelUpdateTlcExample: GiftPanelUpdateTlcData = {"common":{"method":"WebcastGiftPanelUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"roomId":"7515581234567890123","timestamp":"1749859560"};
