import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * controlMessage: room control: action 1 pause, 2 resume, 3 stream ended, 4 suspended (TLC also emits streamEnd for 3/4). TLC v2.5 emits the decoded WebcastControlMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastControlMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"tips":"The LIVE is paused","floatStyle":0}
 * ```
 */
export const controlMessageTlcSchema = tlcMessage({
  action: z.number(),
  tips: z.string(),
  floatStyle: z.number().optional(),
});

/** controlMessage's TLC-style data. */
export type ControlMessageTlcData = z.infer<typeof controlMessageTlcSchema>;

/** A realistic controlMessage (the sample above). */
export const controlMessageTlcExample: ControlMessageTlcData = {"common":{"method":"WebcastControlMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"action":1,"tips":"The LIVE is paused","floatStyle":0};
