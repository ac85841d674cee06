import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A chat comment. Real frame (user block trimmed, see user.ts):
 * `{"event":"chat","data":{"emotes":[],"comment":"No lets go","userId":"6773316529204478981",...,
 *  "msgId":"7515589486609222446","createTime":"1749859543679","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const chatEmoteSchema = z.object({
  emoteId: z.string(),
  emoteImageUrl: z.string(),
  placeInComment: z.number(),
});
export const chatSchema = z.object({
  emotes: z.array(chatEmoteSchema),
  comment: z.string(),
  ...userFields,
  ...messageFields,
  ...tikfinityFields,
});
export type ChatData = z.infer<typeof chatSchema>;
