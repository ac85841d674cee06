import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * perception: a content-warning dialog to viewers. TLC v2.5 emits the decoded WebcastPerceptionMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastPerceptionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"endTime":1749860160,"showViolationWarning":false,"floatStyle":0}
 * ```
 */
export const perceptionTlcSchema = tlcMessage({
  endTime: z.number(),
  showViolationWarning: z.boolean(),
  floatStyle: z.number().optional(),
});

/** perception's TLC-style data. */
export type PerceptionTlcData = z.infer<typeof perceptionTlcSchema>;

/** A realistic perception (the sample above). */
export const perceptionTlcExample: PerceptionTlcData = {"common":{"method":"WebcastPerceptionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"endTime":1749860160,"showViolationWarning":false,"floatStyle":0};
