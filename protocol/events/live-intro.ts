import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * The room's intro text, carrying the host as user. Per PROTOCOL.md:
 * `{"event":"liveIntro","data":{"userId":"...",...,"msgId":"...","createTime":"...","id":"7515589000000000000",
 *  "description":"Chill stream, gifts welcome","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const liveIntroSchema = z.object({
  ...userFields,
  ...messageFields,
  id: z.string(),
  description: z.string(),
  ...tikfinityFields,
});
export type LiveIntroData = z.infer<typeof liveIntroSchema>;
