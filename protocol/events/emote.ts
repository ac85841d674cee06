import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A subscriber emote sent on its own. Per PROTOCOL.md:
 * `{"event":"emote","data":{"userId":"...",...,"msgId":"...","createTime":"...","emoteId":"7240612154651708166",
 *  "emoteImageUrl":"http://127.0.0.1:21213/media/emote/3.png","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const emoteSchema = z.object({
  ...userFields,
  ...messageFields,
  emoteId: z.string(),
  emoteImageUrl: z.string(),
  ...tikfinityFields,
});
export type EmoteData = z.infer<typeof emoteSchema>;
