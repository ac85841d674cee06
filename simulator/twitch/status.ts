/** What GET /api/twitch/status answers: the fake Twitch's clients, channels, counters and settings. */
import type { TwitchScenarioInfo } from './generator.ts';
import type { TwitchRates } from './rates.ts';
import type { RoomSettings } from './lines.ts';
import type { SessionStats } from './session.ts';

/** One connected client. */
export interface TwitchClientInfo {
  id: number;
  transport: 'ws' | 'tcp';
  remote: string;
  /** null before NICK. */
  nick: string | null;
  anonymous: boolean | null;
  caps: string[];
  channels: string[];
  connectedAt: number;
}

/** The fake Twitch's state. */
export interface TwitchStatus {
  wsUrl: string;
  /** host:port of the TCP listener, or null when there is none. */
  tcp: string | null;
  seed: number;
  paused: boolean;
  /** Rates in force (a running scenario's phase over the base rates). */
  rates: TwitchRates;
  scenario: TwitchScenarioInfo | null;
  pingMs: number;
  stalledMs: number;
  clients: TwitchClientInfo[];
  /** Connections accepted since start, by transport. */
  connected: { ws: number; tcp: number };
  channels: Array<{ name: string; roomId: string; clients: number; room: RoomSettings }>;
  sent: { total: number; byKind: Record<string, number> };
  keepalive: SessionStats;
}
