import { z } from 'zod';
import { messageFields, tikfinityFields, userFields } from './user.ts';

/**
 * A treasure chest. Per PROTOCOL.md:
 * `{"event":"envelope","data":{"userId":"...",...,"msgId":"...","createTime":"...","coins":500,"canOpen":12,
 *  "timestamp":1749859600000,"tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const envelopeSchema = z.object({
  ...userFields,
  ...messageFields,
  coins: z.number(),
  canOpen: z.number(),
  timestamp: z.number(),
  ...tikfinityFields,
});
export type EnvelopeData = z.infer<typeof envelopeSchema>;
