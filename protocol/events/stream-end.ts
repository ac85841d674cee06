import { z } from 'zod';
import { tikfinityFields } from './user.ts';

/**
 * The LIVE ended (`action` 3) or was suspended (4). Per PROTOCOL.md:
 * `{"event":"streamEnd","data":{"action":3,"tikfinityUserId":1888822,"tikfinityUsername":"wizardofdealz"}}`
 */
export const streamEndSchema = z.object({
  action: z.number(),
  ...tikfinityFields,
});
export type StreamEndData = z.infer<typeof streamEndSchema>;
