import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * questionNew: a viewer asked a question (Q&A). TLC v2.5 emits the decoded WebcastQuestionNewMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastQuestionNewMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"data":{"questionId":"7515590011223344556","content":"What brushes do you use?","answerStatus":0,"createTime":"1749859561","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}}}
 * ```
 */
export const questionNewTlcSchema = tlcMessage({
  data: z.object({ questionId: tlcInt64, content: z.string(), answerStatus: z.number(), createTime: tlcInt64, user: tlcUserSchema.optional() }).loose(),
});

/** questionNew's TLC-style data. */
export type QuestionNewTlcData = z.infer<typeof questionNewTlcSchema>;

/** A realistic questionNew (the sample above). */
export const questionNewTlcExample: QuestionNewTlcData = {"common":{"method":"WebcastQuestionNewMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"data":{"questionId":"7515590011223344556","content":"What brushes do you use?","answerStatus":0,"createTime":"1749859561","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}}};
