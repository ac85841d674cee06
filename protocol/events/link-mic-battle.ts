import { z } from 'zod';
import { messageFields, tikfinityFields, userSchema } from './user.ts';

/**
 * A link-mic battle starts. Per PROTOCOL.md:
 * `{"event":"linkMicBattle","data":{"battleUsers":[{user block},{user block}],"msgId":"...","createTime":"...",
 *  "tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const linkMicBattleSchema = z.object({
  battleUsers: z.array(userSchema),
  ...messageFields,
  ...tikfinityFields,
});
export type LinkMicBattleData = z.infer<typeof linkMicBattleSchema>;
