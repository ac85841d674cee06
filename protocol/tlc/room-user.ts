import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * roomUser: the viewer count and top viewers, about every 2 s. TLC v2.5 emits the decoded WebcastRoomUserSeqMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRoomUserSeqMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"total":"1287","totalUser":"5410","popStr":"1.2K","ranks":[{"score":"1240","rank":"1","delta":"0","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}},{"score":"0","rank":"2","delta":"0","user":{"id":"7012345678901234567","nickname":"quiet viewer","displayId":"quiet.viewer","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}}}]}
 * ```
 */
export const roomUserTlcSchema = tlcMessage({
  total: tlcInt64,
  totalUser: tlcInt64.optional(),
  popStr: z.string().optional(),
  ranks: z.array(z.object({ score: tlcInt64, rank: tlcInt64, delta: tlcInt64.optional(), user: tlcUserSchema.optional() }).loose()),
});

/** roomUser's TLC-style data. */
export type RoomUserTlcData = z.infer<typeof roomUserTlcSchema>;

/** A realistic roomUser (the sample above). */
export const roomUserTlcExample: RoomUserTlcData = {"common":{"method":"WebcastRoomUserSeqMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"total":"1287","totalUser":"5410","popStr":"1.2K","ranks":[{"score":"1240","rank":"1","delta":"0","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}},{"score":"0","rank":"2","delta":"0","user":{"id":"7012345678901234567","nickname":"quiet viewer","displayId":"quiet.viewer","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}}}]};
