import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcTextSchema, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * barrage: a banner across the room (a high-level viewer entering, a fan-club upgrade, a super fan notice). TLC v2.5 emits the decoded WebcastBarrageMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastBarrageMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":6,"content":{"key":"ttlive_barrage_grade_entrance","defaultPattern":"{0:user} has entered","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]},"duration":"3000","displayConfig":1,"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"scene":""}
 * ```
 */
export const barrageTlcSchema = tlcMessage({
  msgType: z.number(),
  content: tlcTextSchema.optional(),
  duration: tlcInt64.optional(),
  displayConfig: z.number().optional(),
  commonBarrageContent: tlcTextSchema.optional(),
  user: tlcUserSchema.optional(),
  scene: z.string().optional(),
  subType: z.string().optional(),
  icon: tlcImageSchema.optional(),
});

/** barrage's TLC-style data. */
export type BarrageTlcData = z.infer<typeof barrageTlcSchema>;

/** A realistic barrage (the sample above). */
export const barrageTlcExample: BarrageTlcData = {"common":{"method":"WebcastBarrageMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":6,"content":{"key":"ttlive_barrage_grade_entrance","defaultPattern":"{0:user} has entered","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]},"duration":"3000","displayConfig":1,"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"scene":""};
