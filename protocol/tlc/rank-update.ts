import { z } from 'zod';
import { tlcInt64, tlcTextSchema, tlcMessage } from './common.ts';

/**
 * rankUpdate: the streamer's place in a ranking changed (hourly, weekly, rising star). TLC v2.5 emits the decoded WebcastRankUpdateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRankUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"updates":[{"rankType":8,"ownRank":"14","defaultContent":{"key":"pm_mt_live_rank_hourly","defaultPattern":"Hourly ranking: No. {0:string}","pieces":[{"type":1,"stringValue":"14"}]},"currentScore":"5320"}],"groupType":1,"rankPriority":"1"}
 * ```
 */
export const rankUpdateTlcSchema = tlcMessage({
  updates: z.array(z.object({ rankType: z.number(), ownRank: tlcInt64, defaultContent: tlcTextSchema.optional(), currentScore: tlcInt64.optional() }).loose()),
  groupType: z.number().optional(),
  rankPriority: tlcInt64.optional(),
});

/** rankUpdate's TLC-style data. */
export type RankUpdateTlcData = z.infer<typeof rankUpdateTlcSchema>;

/** A realistic rankUpdate (the sample above). */
export const rankUpdateTlcExample: RankUpdateTlcData = {"common":{"method":"WebcastRankUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"updates":[{"rankType":8,"ownRank":"14","defaultContent":{"key":"pm_mt_live_rank_hourly","defaultPattern":"Hourly ranking: No. {0:string}","pieces":[{"type":1,"stringValue":"14"}]},"currentScore":"5320"}],"groupType":1,"rankPriority":"1"};
