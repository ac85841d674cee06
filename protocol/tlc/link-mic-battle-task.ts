import { z } from 'zod';
import { tlcInt64, tlcMessage } from './common.ts';

/**
 * linkMicBattleTask: a battle task (bonus mission) started, progressed or settled. TLC v2.5 emits the decoded WebcastLinkmicBattleTaskMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastLinkmicBattleTaskMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"taskMessageType":2,"battleId":"7515592233445566778","taskUpdate":{"progress":"60","fromUserId":"7350695922194564138","promptKey":"pm_mt_battle_task_progress"}}
 * ```
 */
export const linkMicBattleTaskTlcSchema = tlcMessage({
  taskMessageType: z.number(),
  battleId: tlcInt64,
  taskUpdate: z.object({ progress: tlcInt64, fromUserId: tlcInt64, promptKey: z.string() }).loose().optional(),
  taskSettle: z.object({ result: z.number(), rewardStartTime: tlcInt64 }).loose().optional(),
});

/** linkMicBattleTask's TLC-style data. */
export type LinkMicBattleTaskTlcData = z.infer<typeof linkMicBattleTaskTlcSchema>;

/** A realistic linkMicBattleTask (the sample above). */
export const linkMicBattleTaskTlcExample: LinkMicBattleTaskTlcData = {"common":{"method":"WebcastLinkmicBattleTaskMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"taskMessageType":2,"battleId":"7515592233445566778","taskUpdate":{"progress":"60","fromUserId":"7350695922194564138","promptKey":"pm_mt_battle_task_progress"}};
