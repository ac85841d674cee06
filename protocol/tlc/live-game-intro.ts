import { z } from 'zod';
import { tlcTextSchema, tlcMessage } from './common.ts';

/**
 * liveGameIntro: the game being played on a gaming LIVE. TLC v2.5 emits the decoded WebcastLiveGameIntroMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLiveGameIntroMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":{"key":"live_game_intro","defaultPattern":"Playing Minecraft","pieces":[]},"hasRankInfo":false}
 * ```
 */
export const liveGameIntroTlcSchema = tlcMessage({
  content: tlcTextSchema.optional(),
  hasRankInfo: z.boolean().optional(),
});

/** liveGameIntro's TLC-style data. */
export type LiveGameIntroTlcData = z.infer<typeof liveGameIntroTlcSchema>;

/** A realistic liveGameIntro (the sample above). */
export const liveGameIntroTlcExample: LiveGameIntroTlcData = {"common":{"method":"WebcastLiveGameIntroMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":{"key":"live_game_intro","defaultPattern":"Playing Minecraft","pieces":[]},"hasRankInfo":false};
