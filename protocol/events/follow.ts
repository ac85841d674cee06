import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A viewer followed the streamer. No capture in the samples; shape per PROTOCOL.md (TLC v1 social + TikFinity's extras):
 * `{"event":"follow","data":{"followerCount":15230,"userId":"...",...,"msgId":"...","createTime":"...",
 *  "displayType":"pm_main_follow_message_viewer_2","label":"{0:user} followed the LIVE creator",
 *  "profile":"ana.k","name":"ana.k","username":"ana.k","tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 * `followerCount` (the streamer's) leads only in newer TikFinity versions, hence optional.
 */
export const followSchema = z.object({
  followerCount: z.number().optional(),
  ...userFields,
  ...messageFields,
  displayType: z.string(),
  label: z.string(),
  profile: z.string(),
  name: z.string(),
  username: z.string(),
  ...tikfinityFields,
});
export type FollowData = z.infer<typeof followSchema>;
