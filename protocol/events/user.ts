import { z } from 'zod';

/**
 * The user block TikFinity puts directly into `data` (TLC v1 flat format), in capture order.
 * Real sample (chat, trimmed URLs):
 * ```json
 * {"userId":"6773316529204478981","secUid":"MS4wLjABAAAA4HWe...","uniqueId":"youtube911_yt_offical",
 *  "nickname":"youtube911_yt_","profilePictureUrl":"https://p16-sign.tiktokcdn-us.com/...webp","followRole":0,
 *  "userBadges":[{"type":"privilege","privilegeId":"7138381861675374372","level":23,"badgeSceneType":8}],
 *  "userSceneTypes":[8],"userDetails":{"createTime":"0","bioDescription":"","profilePictureUrls":["...","...","..."]},
 *  "followInfo":{"followingCount":111,"followerCount":940,"followStatus":0,"pushStatus":0},
 *  "isModerator":false,"isNewGifter":false,"isSubscriber":false,"topGifterRank":0,"gifterLevel":23,"teamMemberLevel":0}
 * ```
 */
export const badgeSchema = z
  .object({
    type: z.string(),
    badgeSceneType: z.number(),
    privilegeId: z.string().optional(),
    level: z.number().optional(),
    displayType: z.number().optional(),
    url: z.string().optional(),
  })
  .loose();
export type Badge = z.infer<typeof badgeSchema>;

export const userDetailsSchema = z.object({
  createTime: z.string(),
  bioDescription: z.string(),
  profilePictureUrls: z.array(z.string()),
});

export const followInfoSchema = z.object({
  followingCount: z.number(),
  followerCount: z.number(),
  followStatus: z.number(),
  pushStatus: z.number(),
});

/** Fields of the full user block, as spread into event data. */
export const userFields = {
  userId: z.string(),
  secUid: z.string(),
  uniqueId: z.string(),
  nickname: z.string(),
  profilePictureUrl: z.string(),
  followRole: z.number(),
  userBadges: z.array(badgeSchema),
  userSceneTypes: z.array(z.number()),
  userDetails: userDetailsSchema,
  followInfo: followInfoSchema,
  isModerator: z.boolean(),
  isNewGifter: z.boolean(),
  isSubscriber: z.boolean(),
  topGifterRank: z.number(),
  gifterLevel: z.number(),
  teamMemberLevel: z.number(),
};
export const userSchema = z.object(userFields);
export type User = z.infer<typeof userSchema>;

/** The per-message fields that follow the user block. */
export const messageFields = {
  msgId: z.string(),
  createTime: z.string(),
};

/** TikFinity appends these to every event, roomUser included; popular clients crash without `tikfinityUserId`. */
export const tikfinityFields = {
  tikfinityUserId: z.number(),
  tikfinityUsername: z.string(),
};

/** The user as it appears inside roomUser's `topViewers`: no followRole/followInfo, `topGifterRank` null. */
export const topViewerUserSchema = z.object({
  userId: z.string(),
  secUid: z.string(),
  uniqueId: z.string(),
  nickname: z.string(),
  profilePictureUrl: z.string(),
  userBadges: z.array(badgeSchema),
  userSceneTypes: z.array(z.number()),
  userDetails: userDetailsSchema,
  isModerator: z.boolean(),
  isNewGifter: z.boolean(),
  isSubscriber: z.boolean(),
  topGifterRank: z.number().nullable(),
  gifterLevel: z.number(),
  teamMemberLevel: z.number(),
});
export type TopViewerUser = z.infer<typeof topViewerUserSchema>;
