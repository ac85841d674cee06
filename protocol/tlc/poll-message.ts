import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * pollMessage: a poll: started (messageType 0), votes updated (1), ended (2). TLC v2.5 emits the decoded WebcastPollMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastPollMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":"0","pollId":"7515595566778899001","pollKind":1,"startContent":{"startTime":"1749859560","endTime":"1749859620","title":"Next drawing?","optionList":[{"votes":"0","displayContent":"A cat","optionIdx":0},{"votes":"0","displayContent":"A dragon","optionIdx":1}]}}
 * ```
 */
export const pollMessageTlcSchema = tlcMessage({
  messageType: tlcInt64,
  pollId: tlcInt64,
  startContent: z.object({ startTime: tlcInt64, endTime: tlcInt64, optionList: z.array(z.object({ votes: tlcInt64, displayContent: z.string(), optionIdx: z.number() }).loose()), title: z.string() }).loose().optional(),
  updateVotesContent: z.object({ optionList: z.array(z.object({ votes: tlcInt64, displayContent: z.string(), optionIdx: z.number() }).loose()) }).loose().optional(),
  endContent: z.object({ endType: z.number(), optionList: z.array(z.object({ votes: tlcInt64, displayContent: z.string(), optionIdx: z.number() }).loose()) }).loose().optional(),
  pollKind: z.number().optional(),
});

/** pollMessage's TLC-style data. */
export type PollMessageTlcData = z.infer<typeof pollMessageTlcSchema>;

/** A realistic pollMessage (the sample above). */
export const pollMessageTlcExample: PollMessageTlcData = {"common":{"method":"WebcastPollMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"messageType":"0","pollId":"7515595566778899001","pollKind":1,"startContent":{"startTime":"1749859560","endTime":"1749859620","title":"Next drawing?","optionList":[{"votes":"0","displayContent":"A cat","optionIdx":0},{"votes":"0","displayContent":"A dragon","optionIdx":1}]}};
