import { z } from 'zod';
import { tlcImageSchema, tlcInt64, tlcMessage, tlcUserSchema, tlcUserIdentitySchema } from './common.ts';

/**
 * gift: a gift; a streakable one (gift.type 1) repeats with repeatCount 1..n, repeatEnd 0, then once with repeatEnd 1. TLC v2.5 emits the decoded WebcastGiftMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastGiftMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"webcast_aweme_gift_send_messageNew","defaultPattern":"{0:user} sent {1:gift} × {2:string}","pieces":[]}},"giftId":"5655","repeatCount":3,"comboCount":3,"groupCount":1,"repeatEnd":0,"groupId":"1749859560141","fanTicketCount":3,"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"toUser":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays"},"gift":{"id":"5655","name":"Rose","diamondCount":1,"type":1,"combo":true,"describe":"sent Rose","image":{"urlList":["https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png"]}},"userIdentity":{"isGiftGiverOfAnchor":true,"isSubscriberOfAnchor":false,"isMutualFollowingWithAnchor":false,"isFollowerOfAnchor":true,"isModeratorOfAnchor":false,"isAnchor":false}}
 * ```
 */
export const giftTlcSchema = tlcMessage({
  giftId: tlcInt64,
  repeatCount: z.number(),
  comboCount: z.number(),
  groupCount: z.number(),
  repeatEnd: z.number(),
  groupId: tlcInt64,
  fanTicketCount: z.number().optional(),
  user: tlcUserSchema,
  toUser: tlcUserSchema.partial().optional(),
  gift: z.object({ id: tlcInt64, name: z.string(), diamondCount: z.number(), type: z.number(), combo: z.boolean(), describe: z.string(), image: tlcImageSchema.optional() }).loose(),
  userIdentity: tlcUserIdentitySchema.optional(),
});

/** gift's TLC-style data. */
export type GiftTlcData = z.infer<typeof giftTlcSchema>;

/** A realistic gift (the sample above). */
export const giftTlcExample: GiftTlcData = {"common":{"method":"WebcastGiftMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"webcast_aweme_gift_send_messageNew","defaultPattern":"{0:user} sent {1:gift} × {2:string}","pieces":[]}},"giftId":"5655","repeatCount":3,"comboCount":3,"groupCount":1,"repeatEnd":0,"groupId":"1749859560141","fanTicketCount":3,"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"toUser":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays"},"gift":{"id":"5655","name":"Rose","diamondCount":1,"type":1,"combo":true,"describe":"sent Rose","image":{"urlList":["https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png"]}},"userIdentity":{"isGiftGiverOfAnchor":true,"isSubscriberOfAnchor":false,"isMutualFollowingWithAnchor":false,"isFollowerOfAnchor":true,"isModeratorOfAnchor":false,"isAnchor":false}};
