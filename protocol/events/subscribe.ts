import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A paid subscription. Per PROTOCOL.md (TLC v1):
 * `{"event":"subscribe","data":{"userId":"...",...,"msgId":"...","createTime":"...","exhibitionType":1,"subMonth":1,
 *  "subscribingStatus":1,"oldSubscribeStatus":2,"tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const subscribeSchema = z.object({
  ...userFields,
  ...messageFields,
  exhibitionType: z.number(),
  subMonth: z.number(),
  subscribingStatus: z.number(),
  oldSubscribeStatus: z.number(),
  ...tikfinityFields,
});
export type SubscribeData = z.infer<typeof subscribeSchema>;
