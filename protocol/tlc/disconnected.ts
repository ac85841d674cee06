import { z } from 'zod';

/**
 * disconnected (control event): the connection closed: the WebSocket close code and reason. Made by the connection, not by a webcast message.
 * Sample:
 * ```json
 * {"code":1000,"reason":"stream ended"}
 * ```
 */
export const disconnectedTlcSchema = z.object({
  code: z.number(),
  reason: z.string().optional(),
}).loose();

/** disconnected's TLC-style data. */
export type DisconnectedTlcData = z.infer<typeof disconnectedTlcSchema>;

/** A realistic disconnected (the sample above). */
export const disconnectedTlcExample: DisconnectedTlcData = {"code":1000,"reason":"stream ended"};
