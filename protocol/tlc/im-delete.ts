import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * imDelete: a moderator removed messages (by id) or all messages of users. TLC v2.5 emits the decoded WebcastImDeleteMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastImDeleteMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"deleteMsgIds":["7515589580092050207"],"deleteUserIds":[]}
 * ```
 */
export const imDeleteTlcSchema = tlcMessage({
  deleteMsgIds: z.array(tlcInt64),
  deleteUserIds: z.array(tlcInt64),
});

/** imDelete's TLC-style data. */
export type ImDeleteTlcData = z.infer<typeof imDeleteTlcSchema>;

/** A realistic imDelete (the sample above). */
export const imDeleteTlcExample: ImDeleteTlcData = {"common":{"method":"WebcastImDeleteMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"deleteMsgIds":["7515589580092050207"],"deleteUserIds":[]};
