/** `tiksim watch`'s flags and the names both its declaration (watch.ts) and its run (watch-run.ts) use. */

/** The flags as commander hands them over. */
export interface WatchFlags {
  tiktokFrom?: string;
  tiktok?: string;
  twitchFrom?: string;
  twitchChannel: string[];
  twitchNick?: string;
  twitchPing?: number;
  json?: boolean;
  sound?: string;
  mute?: boolean;
  soundInterval: number;
  servePort?: number;
  host: string;
  token?: string;
  count?: number;
  status: boolean;
}

/** Real Twitch chat over WebSocket, the address Twitch's own web chat uses. */
export const TWITCH_CHAT_URL = 'wss://irc-ws.chat.twitch.tv:443';

/** The environment variable a Twitch OAuth token is read from: never a flag, which `ps` and shell history would show. */
export const TWITCH_TOKEN_ENV = 'TIKSIM_TWITCH_TOKEN';
