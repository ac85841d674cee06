import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A batch of likes (1 to 15) from one viewer. Real frame (user block trimmed):
 * `{"event":"like","data":{"likeCount":3,"totalLikeCount":520,"userId":"7512006564394845230",...,"msgId":"7515588820285277214",
 *  "createTime":"1749859382884","displayType":"pm_mt_msg_viewer","label":"{0:user} liked the LIVE","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const likeSchema = z.object({
  /** TikTok batches likes: never more than 15 in one event (PROTOCOL.md; every recorded frame agrees). */
  likeCount: z.number().int().min(1).max(15),
  totalLikeCount: z.number(),
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  ...tikfinityFields,
});
export type LikeData = z.infer<typeof likeSchema>;
