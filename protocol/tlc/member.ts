import { z } from 'zod';
import { tlcMessage, tlcUserSchema } from './common.ts';

/**
 * member: a viewer joined the LIVE (action 1). TLC v2.5 emits the decoded WebcastMemberMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastMemberMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"live_room_enter_toast","defaultPattern":"{0:user} joined","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"memberCount":214,"action":1,"enterType":0}
 * ```
 */
export const memberTlcSchema = tlcMessage({
  user: tlcUserSchema,
  memberCount: z.number(),
  action: z.number(),
  actionDescription: z.string().optional(),
  enterType: z.number().optional(),
});

/** member's TLC-style data. */
export type MemberTlcData = z.infer<typeof memberTlcSchema>;

/** A realistic member (the sample above). */
export const memberTlcExample: MemberTlcData = {"common":{"method":"WebcastMemberMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"live_room_enter_toast","defaultPattern":"{0:user} joined","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"memberCount":214,"action":1,"enterType":0};
