import { z } from 'zod';

/**
 * error (control event): a connection or decoding error: TLC's `{info, exception}`, the exception as its message. Made by the connection, not by a webcast message.
 * Sample:
 * ```json
 * {"info":"Websocket message decoding failed","exception":"invalid wire type 7 at offset 12"}
 * ```
 */
export const errorTlcSchema = z.object({
  info: z.string(),
  exception: z.unknown(),
}).loose();

/** error's TLC-style data. */
export type ErrorTlcData = z.infer<typeof errorTlcSchema>;

/** A realistic error (the sample above). */
export const errorTlcExample: ErrorTlcData = {"info":"Websocket message decoding failed","exception":"invalid wire type 7 at offset 12"};
