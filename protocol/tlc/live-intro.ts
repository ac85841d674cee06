import { z } from 'zod';
import { tlcInt64, tlcMessage, tlcUserSchema } from './common.ts';

/**
 * liveIntro: the streamer's LIVE intro text. TLC v2.5 emits the decoded WebcastLiveIntroMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLiveIntroMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"id":"7515581234567890123","auditStatus":1,"content":"Drawing your requests! Rose = a sketch, Galaxy = full colour","user":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}},"introMode":0,"contentLanguage":"en"}
 * ```
 */
export const liveIntroTlcSchema = tlcMessage({
  id: tlcInt64,
  auditStatus: z.number(),
  content: z.string(),
  user: tlcUserSchema.optional(),
  introMode: z.number().optional(),
  contentLanguage: z.string().optional(),
});

/** liveIntro's TLC-style data. */
export type LiveIntroTlcData = z.infer<typeof liveIntroTlcSchema>;

/** A realistic liveIntro (the sample above). */
export const liveIntroTlcExample: LiveIntroTlcData = {"common":{"method":"WebcastLiveIntroMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"id":"7515581234567890123","auditStatus":1,"content":"Drawing your requests! Rose = a sketch, Galaxy = full colour","user":{"id":"6983923605470856197","nickname":"Marco plays","displayId":"marco.plays","secUid":"MS4wLjABAAAAx8Jd2kP1sQ9vLmN3oR7tUwYz","avatarThumb":{"urlList":["https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/5c2e9b~tplv-tiktok-shrink:72:72.webp"]}},"introMode":0,"contentLanguage":"en"};
