import { z } from 'zod';
import { messageFields, tikfinityFields, userSchema } from './user.ts';

/**
 * Battle scores per host. Per PROTOCOL.md:
 * `{"event":"linkMicArmies","data":{"battleStatus":1,"battleArmies":[{"hostUserId":"...","points":120,
 *  "participants":[{user block}]}],"msgId":"...","createTime":"...","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const linkMicArmiesSchema = z.object({
  battleStatus: z.number(),
  battleArmies: z.array(
    z.object({
      hostUserId: z.string(),
      points: z.number(),
      participants: z.array(userSchema),
    }),
  ),
  ...messageFields,
  ...tikfinityFields,
});
export type LinkMicArmiesData = z.infer<typeof linkMicArmiesSchema>;
