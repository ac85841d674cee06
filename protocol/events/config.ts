import { z } from 'zod';

/**
 * TikFinity's "Actions & Events" setup, sent to a client on connect (unverified; one capture shows it). Real frame (trimmed):
 * `{"event":"config","data":{"events":[{"type":"soundalert","enabled":true,"trigger":{"type":"follow"},
 *  "actions":[{"type":"sound","name":"thanks follow"}]},{"type":"event","enabled":true,"trigger":{"type":"likes",
 *  "availableFor":"any","minLikesAmount":100},"actions":[{"type":"action","name":"Like Alert"}]}]}}`
 * Triggers and actions are open-ended: unknown ones must pass through.
 */
export const configTriggerSchema = z
  .object({
    type: z.string(),
    availableFor: z.string().optional(),
    id: z.number().optional(),
    name: z.string().optional(),
    coins: z.number().optional(),
    imageUrl: z.string().optional(),
    minLikesAmount: z.number().optional(),
    minCoinsValue: z.number().optional(),
  })
  .loose();
export const configActionSchema = z.object({ type: z.string(), name: z.string() }).loose();
export const configRuleSchema = z
  .object({
    type: z.string(),
    enabled: z.boolean(),
    trigger: configTriggerSchema,
    actions: z.array(configActionSchema),
  })
  .loose();
export const configSchema = z.object({ events: z.array(configRuleSchema) });
export type ConfigData = z.infer<typeof configSchema>;
export type ConfigRule = z.infer<typeof configRuleSchema>;
export type ConfigTrigger = z.infer<typeof configTriggerSchema>;
