import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * like: likes, batched: up to 15 per message (count), with the room total. TLC v2.5 emits the decoded WebcastLikeMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLikeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"pm_mt_msg_viewer","defaultPattern":"{0:user} liked the LIVE","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"count":15,"total":"48211"}
 * ```
 */
export const likeTlcSchema = tlcMessage({
  user: tlcUserSchema,
  count: z.number(),
  total: tlcInt64,
  color: z.number().optional(),
});

/** like's TLC-style data. */
export type LikeTlcData = z.infer<typeof likeTlcSchema>;

/** A realistic like (the sample above). */
export const likeTlcExample: LikeTlcData = {"common":{"method":"WebcastLikeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"pm_mt_msg_viewer","defaultPattern":"{0:user} liked the LIVE","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"count":15,"total":"48211"};
