import { z } from 'zod';
import { tlcTextSchema, tlcMessage } from './common.ts';

/**
 * gameRankNotify: a gaming-LIVE ranking notice. TLC v2.5 emits the decoded WebcastGameRankNotifyMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGameRankNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":1,"notifyText":{"key":"live_game_rank","defaultPattern":"Top 10 in Gaming","pieces":[]}}
 * ```
 */
export const gameRankNotifyTlcSchema = tlcMessage({
  msgType: z.number(),
  notifyText: tlcTextSchema.optional(),
});

/** gameRankNotify's TLC-style data. */
export type GameRankNotifyTlcData = z.infer<typeof gameRankNotifyTlcSchema>;

/** A realistic gameRankNotify (the sample above). */
export const gameRankNotifyTlcExample: GameRankNotifyTlcData = {"common":{"method":"WebcastGameRankNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":1,"notifyText":{"key":"live_game_rank","defaultPattern":"Top 10 in Gaming","pieces":[]}};
