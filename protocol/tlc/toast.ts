import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * toast: a short toast on screen. TLC v2.5 emits the decoded WebcastToastMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastToastMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"displayDurationMillisecond":"3000","delayDisplayDurationMillisecond":"0","scene":""}
 * ```
 */
export const toastTlcSchema = tlcMessage({
  displayDurationMillisecond: tlcInt64,
  delayDisplayDurationMillisecond: tlcInt64.optional(),
  scene: z.string().optional(),
});

/** toast's TLC-style data. */
export type ToastTlcData = z.infer<typeof toastTlcSchema>;

/** A realistic toast (the sample above). */
export const toastTlcExample: ToastTlcData = {"common":{"method":"WebcastToastMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"displayDurationMillisecond":"3000","delayDisplayDurationMillisecond":"0","scene":""};
