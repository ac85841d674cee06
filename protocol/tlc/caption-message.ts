import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * captionMessage: live captions of the streamer's speech. TLC v2.5 emits the decoded WebcastCaptionMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastCaptionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"timestampMs":"1749859560100","durationMs":"2400","content":[{"lang":"en","content":"okay who wants the next sketch"}],"sentenceId":"12","sequenceId":"3","definite":true}
 * ```
 */
export const captionMessageTlcSchema = tlcMessage({
  timestampMs: tlcInt64,
  durationMs: tlcInt64,
  content: z.array(z.object({ lang: z.string(), content: z.string() }).loose()),
  sentenceId: tlcInt64.optional(),
  sequenceId: tlcInt64.optional(),
  definite: z.boolean().optional(),
});

/** captionMessage's TLC-style data. */
export type CaptionMessageTlcData = z.infer<typeof captionMessageTlcSchema>;

/** A realistic captionMessage (the sample above). */
export const captionMessageTlcExample: CaptionMessageTlcData = {"common":{"method":"WebcastCaptionMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"timestampMs":"1749859560100","durationMs":"2400","content":[{"lang":"en","content":"okay who wants the next sketch"}],"sentenceId":"12","sequenceId":"3","definite":true};
