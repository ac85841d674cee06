import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcMessage, tlcUserSchema, tlcUserIdentitySchema } from './common.ts';

/**
 * emote: a subscriber posted one of the streamer's subscriber emotes. TLC v2.5 emits the decoded WebcastEmoteChatMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastEmoteChatMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":true},"emoteList":[{"emoteId":"7293861234567890123","image":{"urlList":["https://p16-webcast.tiktokcdn.com/webcast-va/sub_emote_7293861234567890123~tplv-obj.image"]},"emoteType":1}]}
 * ```
 */
export const emoteTlcSchema = tlcMessage({
  user: tlcUserSchema,
  emoteList: z.array(z.object({ emoteId: tlcInt64, image: tlcImageSchema.optional(), emoteType: z.number().optional() }).loose()),
  userIdentity: tlcUserIdentitySchema.optional(),
});

/** emote's TLC-style data. */
export type EmoteTlcData = z.infer<typeof emoteTlcSchema>;

/** A realistic emote (the sample above). */
export const emoteTlcExample: EmoteTlcData = {"common":{"method":"WebcastEmoteChatMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":true},"emoteList":[{"emoteId":"7293861234567890123","image":{"urlList":["https://p16-webcast.tiktokcdn.com/webcast-va/sub_emote_7293861234567890123~tplv-obj.image"]},"emoteType":1}]};
