import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A viewer shared the LIVE (TLC v1 social shape). Per PROTOCOL.md:
 * `{"event":"share","data":{"userId":"...",...,"msgId":"...","createTime":"...","displayType":"pm_mt_guidance_share",
 *  "label":"{0:user} shared the LIVE","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const shareSchema = z.object({
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  ...tikfinityFields,
});
export type ShareData = z.infer<typeof shareSchema>;
