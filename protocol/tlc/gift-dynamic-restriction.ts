import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * giftDynamicRestriction: some gifts were restricted for this LIVE. TLC v2.5 emits the decoded WebcastGiftDynamicRestrictionMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGiftDynamicRestrictionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"dynamicRestriction":{}}
 * ```
 */
export const giftDynamicRestrictionTlcSchema = tlcMessage({
  dynamicRestriction: z.object({}).loose().optional(),
});

/** giftDynamicRestriction's TLC-style data. */
export type GiftDynamicRestrictionTlcData = z.infer<typeof giftDynamicRestrictionTlcSchema>;

/** A realistic giftDynamicRestriction (the sample above). */
export const giftDynamicRestrictionTlcExample: GiftDynamicRestrictionTlcData = {"common":{"method":"WebcastGiftDynamicRestrictionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"dynamicRestriction":{}};
