import type { z } from 'zod';
import { barrageTlcSchema } from './barrage.ts';

/**
 * superFan: a super-fan notice (a barrage whose key holds ttlive_superfan; TLC emits barrage too). TLC v2.5 emits the decoded WebcastBarrageMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastBarrageMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":20,"content":{"key":"ttlive_superfan_commentnotif_levelup","defaultPattern":"{0:user} is now a Super Fan level {1:string}","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}},{"type":1,"stringValue":"2"}]},"duration":"3000","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}}
 * ```
 */
export const superFanTlcSchema = barrageTlcSchema; // the same WebcastBarrageMessage as barrage: one schema per TLC message type.

/** superFan's TLC-style data. */
export type SuperFanTlcData = z.infer<typeof superFanTlcSchema>;

/** A realistic superFan (the sample above). */
export const superFanTlcExample: SuperFanTlcData = {"common":{"method":"WebcastBarrageMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"msgType":20,"content":{"key":"ttlive_superfan_commentnotif_levelup","defaultPattern":"{0:user} is now a Super Fan level {1:string}","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}},{"type":1,"stringValue":"2"}]},"duration":"3000","user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false}};
