import { z } from 'zod';
import { tlcInt64 } from './common.ts';

/**
 * connected (control event): the connection to the room is up (TikTokLiveConnectionState). Made by the connection, not by a webcast message.
 * Sample:
 * ```json
 * {"isConnected":true,"isConnecting":false,"roomId":"7515581234567890123","roomInfo":null,"availableGifts":null}
 * ```
 */
export const connectedTlcSchema = z.object({
  isConnected: z.boolean(),
  isConnecting: z.boolean(),
  roomId: tlcInt64,
  roomInfo: z.record(z.string(), z.unknown()).nullable(),
  availableGifts: z.unknown().nullable(),
}).loose();

/** connected's TLC-style data. */
export type ConnectedTlcData = z.infer<typeof connectedTlcSchema>;

/** A realistic connected (the sample above). */
export const connectedTlcExample: ConnectedTlcData = {"isConnected":true,"isConnecting":false,"roomId":"7515581234567890123","roomInfo":null,"availableGifts":null};
