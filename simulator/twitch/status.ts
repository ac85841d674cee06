/** What GET /api/twitch/status answers: the fake Twitch's clients, channels, counters and settings. */
import type { TwitchStatusBlock } from '../../protocol/api.ts';
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

/** The block GET /api/status carries for the fake Twitch: counts, not lists. */
export function twitchStatusBlock(s: TwitchStatus): TwitchStatusBlock {
  return {
    wsUrl: s.wsUrl,
    tcp: s.tcp,
    clients: s.clients.length,
    channels: s.channels.filter((c) => c.clients > 0).map((c) => c.name),
    sent: s.sent,
    pingMs: s.pingMs,
    paused: s.paused,
    scenario: s.scenario ? { name: s.scenario.name, phase: s.scenario.phase } : null,
  };
}
