import { z } from 'zod';
import { tlcTextSchema, tlcMessage } from './common.ts';

/**
 * capsule: a capsule prompt (a small call-to-action bubble). TLC v2.5 emits the decoded WebcastCapsuleMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastCapsuleMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"desc":{"key":"live_capsule_follow","defaultPattern":"Follow to get notified","pieces":[]},"type":1,"scene":"follow"}
 * ```
 */
export const capsuleTlcSchema = tlcMessage({
  desc: tlcTextSchema.optional(),
  type: z.number(),
  scene: z.string().optional(),
});

/** capsule's TLC-style data. */
export type CapsuleTlcData = z.infer<typeof capsuleTlcSchema>;

/** A realistic capsule (the sample above). */
export const capsuleTlcExample: CapsuleTlcData = {"common":{"method":"WebcastCapsuleMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"desc":{"key":"live_capsule_follow","defaultPattern":"Follow to get notified","pieces":[]},"type":1,"scene":"follow"};
