import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A Q&A question. Per PROTOCOL.md:
 * `{"event":"questionNew","data":{"userId":"...",...,"msgId":"...","createTime":"...","questionText":"what game is this?",
 *  "tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const questionNewSchema = z.object({
  ...userFields,
  ...messageFields,
  questionText: z.string(),
  ...tikfinityFields,
});
export type QuestionNewData = z.infer<typeof questionNewSchema>;
