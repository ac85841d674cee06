import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * subNotify: a viewer subscribed (TikFinity's `subscribe`): subMonth months, exhibitionType how it is shown. TLC v2.5 emits the decoded WebcastSubNotifyMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastSubNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":true},"exhibitionType":1,"subMonth":"1","subscribeType":1,"oldSubscribeStatus":2,"messageType":1,"subscribingStatus":1,"isSend":false,"isCustom":false}
 * ```
 */
export const subNotifyTlcSchema = tlcMessage({
  user: tlcUserSchema,
  exhibitionType: z.number(),
  subMonth: tlcInt64,
  subscribeType: z.number(),
  oldSubscribeStatus: z.number(),
  messageType: z.number().optional(),
  subscribingStatus: z.number(),
  isSend: z.boolean().optional(),
  isCustom: z.boolean().optional(),
});

/** subNotify's TLC-style data. */
export type SubNotifyTlcData = z.infer<typeof subNotifyTlcSchema>;

/** A realistic subNotify (the sample above). */
export const subNotifyTlcExample: SubNotifyTlcData = {"common":{"method":"WebcastSubNotifyMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":true},"exhibitionType":1,"subMonth":"1","subscribeType":1,"oldSubscribeStatus":2,"messageType":1,"subscribingStatus":1,"isSend":false,"isCustom":false};
