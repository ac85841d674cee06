import type { z } from 'zod';
import { socialTlcSchema } from './social.ts';

/**
 * share: a viewer shared the LIVE (social message, display key ...share..., action 3). TLC v2.5 emits the decoded WebcastSocialMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastSocialMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"pm_mt_guidance_share","defaultPattern":"{0:user} shared the LIVE","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"action":"3","shareType":"1","shareTarget":"","shareCount":1}
 * ```
 */
export const shareTlcSchema = socialTlcSchema; // the same WebcastSocialMessage as social: one schema per TLC message type.

/** share's TLC-style data. */
export type ShareTlcData = z.infer<typeof shareTlcSchema>;

/** A realistic share (the sample above). */
export const shareTlcExample: ShareTlcData = {"common":{"method":"WebcastSocialMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true,"displayText":{"key":"pm_mt_guidance_share","defaultPattern":"{0:user} shared the LIVE","pieces":[{"type":11,"userValue":{"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws"},"withColon":false}}]}},"user":{"id":"7350695922194564138","nickname":"Lena 🌸","displayId":"lena.draws","secUid":"MS4wLjABAAAAq3k1lB0n8f2xZ_7Yc9RwQ4vD","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7a1f3c~tplv-tiktok-shrink:72:72.webp"]},"followInfo":{"followingCount":"311","followerCount":"1204","followStatus":"1","pushStatus":"0"},"payGrade":{"level":12},"userAttr":{"isMuted":false,"isAdmin":false,"isSuperAdmin":false},"badgeList":[{"displayType":4,"sceneType":8,"display":true,"combine":{"str":"12"},"privilegeLogExtra":{"privilegeId":"7138381861675374372","level":"12"}}],"isFollower":false,"isFollowing":true,"isSubscribe":false},"action":"3","shareType":"1","shareTarget":"","shareCount":1};
