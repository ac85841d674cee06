import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * accessControl: TikTok asks the viewer to pass a captcha before going on (access control). TLC v2.5 emits the decoded WebcastAccessControlMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastAccessControlMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"captcha":{}}
 * ```
 */
export const accessControlTlcSchema = tlcMessage({
  captcha: z.object({}).loose().optional(),
});

/** accessControl's TLC-style data. */
export type AccessControlTlcData = z.infer<typeof accessControlTlcSchema>;

/** A realistic accessControl (the sample above). */
export const accessControlTlcExample: AccessControlTlcData = {"common":{"method":"WebcastAccessControlMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"captcha":{}};
