import { z } from 'zod';

/**
 * streamEnd: the LIVE ended (action 3) or was suspended (4). From a WebcastControlMessage; TLC emits only `{action}`, then disconnects.
 * Sample:
 * ```json
 * {"action":3}
 * ```
 */
export const streamEndTlcSchema = z.object({ action: z.number() });

/** streamEnd's TLC-style data. */
export type StreamEndTlcData = z.infer<typeof streamEndTlcSchema>;

/** A realistic streamEnd (the sample above). */
export const streamEndTlcExample: StreamEndTlcData = {"action":3};
