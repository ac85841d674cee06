import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * accessRecall: a restriction on the LIVE was lifted or set (status, duration). TLC v2.5 emits the decoded WebcastAccessRecallMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastAccessRecallMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"status":1,"duration":"600","endTime":"1749860160","scene":"live"}
 * ```
 */
export const accessRecallTlcSchema = tlcMessage({
  status: z.number(),
  duration: tlcInt64,
  endTime: tlcInt64,
  scene: z.string().optional(),
});

/** accessRecall's TLC-style data. */
export type AccessRecallTlcData = z.infer<typeof accessRecallTlcSchema>;

/** A realistic accessRecall (the sample above). */
export const accessRecallTlcExample: AccessRecallTlcData = {"common":{"method":"WebcastAccessRecallMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"status":1,"duration":"600","endTime":"1749860160","scene":"live"};
