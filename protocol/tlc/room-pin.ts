import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * roomPin: the streamer or a moderator pinned (action 1) or unpinned (2) a chat message. TLC v2.5 emits the decoded WebcastRoomPinMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastRoomPinMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"chatMessage":{"common":{"method":"WebcastChatMessage","msgId":"7515589580092050100","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"content":"how long did that drawing take?"},"method":"WebcastChatMessage","pinTime":"1749859560","operator":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}},"action":1,"displayDuration":"60","pinMsgId":"7515589580092050100"}
 * ```
 */
export const roomPinTlcSchema = tlcMessage({
  chatMessage: z.object({ user: tlcUserSchema.optional(), content: z.string() }).loose().optional(),
  method: z.string(),
  pinTime: tlcInt64,
  operator: tlcUserSchema.optional(),
  action: z.number(),
  displayDuration: tlcInt64,
  pinMsgId: tlcInt64,
});

/** roomPin's TLC-style data. */
export type RoomPinTlcData = z.infer<typeof roomPinTlcSchema>;

/** A realistic roomPin (the sample above). */
export const roomPinTlcExample: RoomPinTlcData = {"common":{"method":"WebcastRoomPinMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"chatMessage":{"common":{"method":"WebcastChatMessage","msgId":"7515589580092050100","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"content":"how long did that drawing take?"},"method":"WebcastChatMessage","pinTime":"1749859560","operator":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}},"action":1,"displayDuration":"60","pinMsgId":"7515589580092050100"};
