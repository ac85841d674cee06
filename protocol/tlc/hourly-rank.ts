import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * hourlyRank: hourly-rank winners are announced. TLC v2.5 emits the decoded WebcastHourlyRankRewardMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastHourlyRankRewardMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"winners":[{"userId":"6983923605470856197","assetId":"1"}]}
 * ```
 */
export const hourlyRankTlcSchema = tlcMessage({
  winners: z.array(z.object({ userId: tlcInt64, assetId: tlcInt64 }).loose()),
});

/** hourlyRank's TLC-style data. */
export type HourlyRankTlcData = z.infer<typeof hourlyRankTlcSchema>;

/** A realistic hourlyRank (the sample above). */
export const hourlyRankTlcExample: HourlyRankTlcData = {"common":{"method":"WebcastHourlyRankRewardMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"winners":[{"userId":"6983923605470856197","assetId":"1"}]};
