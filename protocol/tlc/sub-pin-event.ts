import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * subPinEvent: a subscriber-only pin card was shown or hidden. TLC v2.5 emits the decoded WebcastSubPinEventMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastSubPinEventMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"actionType":1,"operatorUserId":"6983923605470856197"}
 * ```
 */
export const subPinEventTlcSchema = tlcMessage({
  actionType: z.number(),
  operatorUserId: tlcInt64,
});

/** subPinEvent's TLC-style data. */
export type SubPinEventTlcData = z.infer<typeof subPinEventTlcSchema>;

/** A realistic subPinEvent (the sample above). */
export const subPinEventTlcExample: SubPinEventTlcData = {"common":{"method":"WebcastSubPinEventMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"actionType":1,"operatorUserId":"6983923605470856197"};
