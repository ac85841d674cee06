import { z } from 'zod';

/**
 * decodedData (control event): a decoded message of any type: TLC's (type, event, bytes) arguments as `{type, data, binary}`. Made by the connection, not by a webcast message.
 * Sample:
 * ```json
 * {"type":"WebcastChatMessage","data":{"content":"hi"},"binary":"CgQIARAB"}
 * ```
 */
export const decodedDataTlcSchema = z.object({
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  binary: z.string().optional(),
}).loose();

/** decodedData's TLC-style data. */
export type DecodedDataTlcData = z.infer<typeof decodedDataTlcSchema>;

/** A realistic decodedData (the sample above). */
export const decodedDataTlcExample: DecodedDataTlcData = {"type":"WebcastChatMessage","data":{"content":"hi"},"binary":"CgQIARAB"};
