import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * boostCard: a LIVE boost card (promotion) was used. TLC v2.5 emits the decoded WebcastBoostCardMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastBoostCardMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"cards":[{}]}
 * ```
 */
export const boostCardTlcSchema = tlcMessage({
  cards: z.array(z.object({}).loose()),
});

/** boostCard's TLC-style data. */
export type BoostCardTlcData = z.infer<typeof boostCardTlcSchema>;

/** A realistic boostCard (the sample above). */
export const boostCardTlcExample: BoostCardTlcData = {"common":{"method":"WebcastBoostCardMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"cards":[{}]};
