import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A viewer joined (`actionId` 1; other ids such as 26 arrive too). Real frame (user block trimmed):
 * `{"event":"member","data":{"actionId":1,"userId":"6773316529204478981",...,"msgId":"7515589435569605422","createTime":"1749859535246",
 *  "displayType":"live_room_enter_toast","label":"{0:user} joined","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const memberSchema = z.object({
  actionId: z.number(),
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  ...tikfinityFields,
});
export type MemberData = z.infer<typeof memberSchema>;
