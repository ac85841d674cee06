import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * TLC v1 sent `social` beside follow/share; whether TikFinity forwards it is unverified, so the simulator sends
 * it only when enabled. Same shape as share/follow's social part:
 * `{"event":"social","data":{"userId":"...",...,"displayType":"pm_mt_guidance_share","label":"{0:user} shared the LIVE",...}}`
 */
export const socialSchema = z.object({
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  ...tikfinityFields,
});
export type SocialData = z.infer<typeof socialSchema>;
