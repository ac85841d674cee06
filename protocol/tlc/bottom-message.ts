import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * bottomMessage: a notice at the bottom of the screen (a warning, a tip). TLC v2.5 emits the decoded WebcastBottomMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastBottomMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Tap the gift box to support the creator","showType":1,"duration":"5000"}
 * ```
 */
export const bottomMessageTlcSchema = tlcMessage({
  content: z.string(),
  showType: z.number(),
  duration: tlcInt64,
});

/** bottomMessage's TLC-style data. */
export type BottomMessageTlcData = z.infer<typeof bottomMessageTlcSchema>;

/** A realistic bottomMessage (the sample above). */
export const bottomMessageTlcExample: BottomMessageTlcData = {"common":{"method":"WebcastBottomMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"content":"Tap the gift box to support the creator","showType":1,"duration":"5000"};
