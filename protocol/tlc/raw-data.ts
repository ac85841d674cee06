import { z } from 'zod';

/**
 * rawData (control event): a message before decoding: TLC's (type, bytes) arguments as `{type, binary}`, the bytes base64. Made by the connection, not by a webcast message.
 * Sample:
 * ```json
 * {"type":"WebcastChatMessage","binary":"CgQIARAB"}
 * ```
 */
export const rawDataTlcSchema = z.object({
  type: z.string(),
  binary: z.string(),
}).loose();

/** rawData's TLC-style data. */
export type RawDataTlcData = z.infer<typeof rawDataTlcSchema>;

/** A realistic rawData (the sample above). */
export const rawDataTlcExample: RawDataTlcData = {"type":"WebcastChatMessage","binary":"CgQIARAB"};
