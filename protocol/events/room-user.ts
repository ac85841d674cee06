import { z } from 'zod';
import { tikfinityFields, topViewerUserSchema } from './user.ts';

/**
 * Viewer statistics, about every 2 s; `topViewers` sorted by `coinCount`. Real frame (users trimmed):
 * `{"event":"roomUser","data":{"topViewers":[{"user":{"userId":"7512006564394845230",...,"topGifterRank":null,"gifterLevel":0,
 *  "teamMemberLevel":0},"coinCount":481},...],"viewerCount":3,"topGifterRank":0,"tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const roomUserSchema = z.object({
  topViewers: z.array(z.object({ user: topViewerUserSchema, coinCount: z.number() })),
  viewerCount: z.number(),
  topGifterRank: z.number(),
  ...tikfinityFields,
});
export type RoomUserData = z.infer<typeof roomUserSchema>;
