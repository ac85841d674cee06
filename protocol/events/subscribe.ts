import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A paid subscription (TLC v1's WebcastSubNotifyMessage). Real TikFinity capture (user trimmed):
 * `{"event":"subscribe","data":{"exhibitionType":2,"subMonth":1,"subscribingStatus":1,"userId":"7363068828409086994",...,
 *  "msgId":"7470903979216472874","createTime":"1739456054393","tikfinityUserId":1083548,"tikfinityUsername":"xuhsy"}}`
 * The subscription's fields lead; one that is 0 on TikTok is absent (v1 copied only the fields on the wire), so
 * `oldSubscribeStatus` (and `subscribeType`) appear only when set. docs/REAL-DATA.md has the source.
 */
export const subscribeSchema = z.object({
  exhibitionType: z.number().optional(),
  subMonth: z.number(),
  subscribeType: z.number().optional(),
  oldSubscribeStatus: z.number().optional(),
  subscribingStatus: z.number(),
  ...userFields,
  ...messageFields,
  ...tikfinityFields,
});
export type SubscribeData = z.infer<typeof subscribeSchema>;
