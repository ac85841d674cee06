import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcMessage, tlcUserSchema, tlcUserIdentitySchema } from './common.ts';

/**
 * chat: a viewer comment. TLC v2.5 emits the decoded WebcastChatMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastChatMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"content":"how long did that drawing take?","emotes":[],"contentLanguage":"en","userIdentity":{"isGiftGiverOfAnchor":true,"isSubscriberOfAnchor":false,"isMutualFollowingWithAnchor":false,"isFollowerOfAnchor":true,"isModeratorOfAnchor":false,"isAnchor":false}}
 * ```
 */
export const chatTlcSchema = tlcMessage({
  user: tlcUserSchema,
  content: z.string(),
  emotes: z.array(z.object({ index: z.number(), emote: z.object({ emoteId: tlcInt64, image: tlcImageSchema.optional() }).loose().optional() }).loose()),
  contentLanguage: z.string().optional(),
  userIdentity: tlcUserIdentitySchema.optional(),
});

/** chat's TLC-style data. */
export type ChatTlcData = z.infer<typeof chatTlcSchema>;

/** A realistic chat (the sample above). */
export const chatTlcExample: ChatTlcData = {"common":{"method":"WebcastChatMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"content":"how long did that drawing take?","emotes":[],"contentLanguage":"en","userIdentity":{"isGiftGiverOfAnchor":true,"isSubscriberOfAnchor":false,"isMutualFollowingWithAnchor":false,"isFollowerOfAnchor":true,"isModeratorOfAnchor":false,"isAnchor":false}};
