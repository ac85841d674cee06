import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * notice: a notice from TikTok to the room (a guideline reminder). TLC v2.5 emits the decoded WebcastNoticeMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastNoticeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Remember to follow the Community Guidelines.","noticeType":1,"style":"0"}
 * ```
 */
export const noticeTlcSchema = tlcMessage({
  content: z.string(),
  noticeType: z.number(),
  style: z.string().optional(),
});

/** notice's TLC-style data. */
export type NoticeTlcData = z.infer<typeof noticeTlcSchema>;

/** A realistic notice (the sample above). */
export const noticeTlcExample: NoticeTlcData = {"common":{"method":"WebcastNoticeMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Remember to follow the Community Guidelines.","noticeType":1,"style":"0"};
