import { z } from 'zod';
import { tlcTextSchema, tlcMessage } from './common.ts';

/**
 * unauthorizedMember: a viewer who is not logged in joined (no user block, a masked nickname). TLC v2.5 emits the decoded WebcastUnauthorizedMemberMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastUnauthorizedMemberMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"nickName":"Viewer","enterText":{"key":"live_room_enter_toast","defaultPattern":"{0:string} joined","pieces":[{"type":1,"stringValue":"Viewer"}]}}
 * ```
 */
export const unauthorizedMemberTlcSchema = tlcMessage({
  action: z.number(),
  nickName: z.string(),
  nickNamePrefix: tlcTextSchema.optional(),
  enterText: tlcTextSchema.optional(),
});

/** unauthorizedMember's TLC-style data. */
export type UnauthorizedMemberTlcData = z.infer<typeof unauthorizedMemberTlcSchema>;

/** A realistic unauthorizedMember (the sample above). */
export const unauthorizedMemberTlcExample: UnauthorizedMemberTlcData = {"common":{"method":"WebcastUnauthorizedMemberMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"nickName":"Viewer","enterText":{"key":"live_room_enter_toast","defaultPattern":"{0:string} joined","pieces":[{"type":1,"stringValue":"Viewer"}]}};
