/**
 * The control API's shapes, defined once (docs/ARCHITECTURE.md, "HTTP routes on the simulator's port"): the server
 * builds its answers with these types and the panel reads them with the same ones. Runs in Node and the browser.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors.ts';

/** The documented error body: `{"error":{"code","message","field"?,"choices"?}}`. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  choices?: string[];
}

/** Who sends a fired event: one of the ways to pick a viewer, plus flags that stick to that viewer. */
export const userSpecSchema = z.strictObject({
  uniqueId: z.string().min(1).optional(),
  random: z.boolean().optional(),
  new: z.boolean().optional(),
  /** true: any of the three viewers with a face photo; 0-2: that one. */
  face: z.union([z.boolean(), z.number().int().min(0).max(2)]).optional(),
  isModerator: z.boolean().optional(),
  isSubscriber: z.boolean().optional(),
  followRole: z.number().int().min(0).max(2).optional(),
  gifterLevel: z.number().int().min(0).max(50).optional(),
  nickname: z.string().min(1).max(100).optional(),
});

/** `user` of POST /api/events. */
export type UserSpec = z.infer<typeof userSpecSchema>;

/** POST /api/events body. */
export interface FireBody {
  event: string;
  data?: Record<string, unknown>;
  user?: UserSpec;
  count?: number;
}

/** POST /api/events answer (202). */
export interface FireReply {
  ok: true;
  event: string;
  scheduled: number;
}

/** The running scenario, as status and PUT /api/scenario report it. */
export interface ScenarioInfo {
  name: string;
  description: string;
  phase: string;
  phaseIndex: number;
  phases: number;
  elapsedS: number;
  loop: boolean;
}

/** One replay's progress (GET /api/replay, GET /api/status → replay). */
export interface ReplayStatus {
  recording: string;
  positionMs: number;
  durationMs: number;
  speed: number;
  paused: boolean;
  instant: boolean;
  loop: boolean;
  /** Loop pass playing: 0 the first time through. */
  pass: number;
  framesSent: number;
  framesTotal?: number;
  ended: boolean;
}

/** A replay as the server reports it: the replayer's progress, its last error, and whether it waits for a client. */
export interface ReplayState extends ReplayStatus {
  error: string | null;
  waitingForClient: boolean;
}

/** TikTok's real irregularities, each switchable. Probabilities are 0..1. */
export interface Quirks {
  /** Probability that a streak's final repeatEnd:true frame never arrives (consumers time out). Default 0. */
  dropStreakEnd: number;
  /** Probability that a frame is sent a second time shortly after (same text). Default 0. */
  duplicates: number;
  /** Probability that a member event has an actionId other than 1 (26, 27). Default 0.05. */
  memberOtherActions: number;
  /** Keep the last 6 chat frames for newly connected clients. Default on. */
  chatBacklog: boolean;
  /** Also send TLC v1's `social` event beside each follow and share. Default off. */
  social: boolean;
}

/** One connected client. */
export interface ClientInfo {
  id: number;
  remote: string;
  /** Where it connected, tokens stripped. */
  path: string;
  connectedAt: number;
  bufferedBytes: number;
}

/** The generator's part of GET /api/status (the engine's own status). */
export interface GenerationStatus {
  seed: number;
  population: number;
  /** Effective rates now (a running scenario's phase applied), of the kinds generated. */
  rates: Record<string, number>;
  /** Every TikTok kind is generated and may be fired, not only TikFinity's 17 (`--all-kinds`). */
  allKinds: boolean;
  scenario: ScenarioInfo | null;
  paused: boolean;
  quirks: Quirks;
  viewersInRoom: number;
  totalLikes: number;
  diamonds: number;
  pendingFrames: number;
  /** Viewer identities held in memory (bounded: the most active plus fresh/overridden ones). */
  cachedViewers: number;
}

/** The fake Twitch's part of GET /api/status (`serve --twitch`); GET /api/twitch/status has every client and channel. */
export interface TwitchStatusBlock {
  wsUrl: string;
  /** host:port of the TCP listener, or null. */
  tcp: string | null;
  clients: number;
  /** Joined channels with at least one client. */
  channels: string[];
  sent: { total: number; byKind: Record<string, number> };
  pingMs: number;
  paused: boolean;
  /** The running Twitch scenario's name and phase, or null. */
  scenario: { name: string; phase: string } | null;
}

/** GET /api/status. */
export interface SimStatus extends GenerationStatus {
  mode: 'generate' | 'replay';
  generation: 'generating' | 'paused' | 'replaying';
  clients: number;
  clientList: ClientInfo[];
  sent: { total: number; byKind: Record<string, number>; connectFrames: number };
  /** Measured over the last seconds. */
  ratesObserved: { total: number; byKind: Record<string, number> };
  dropped: { frames: number; slowClients: number; deadClients: number };
  stallMs: number;
  uptimeMs: number;
  streamTimeMs: number;
  replay: ReplayState | null;
  logSeq: number;
  /** Present only when the fake Twitch runs. */
  twitch?: TwitchStatusBlock;
}

/** One gift of GET /api/gifts. */
export interface ApiGift {
  id: number;
  name: string;
  diamondCount: number;
  type: number;
  streakable: boolean;
  describe?: string;
  imageUrl: string;
}

/** One viewer of GET /api/viewers. */
export interface ViewerSummary {
  index: number;
  userId: string;
  uniqueId: string;
  nickname: string;
  profilePictureUrl: string;
  hasFace: boolean;
  /** Which face photo (0-2), or null. */
  face: number | null;
  isModerator: boolean;
  isSubscriber: boolean;
  followRole: number;
  gifterLevel: number;
  coins: number;
}

/** One entry of GET /api/log. */
export interface LogEntry {
  seq: number;
  at: number;
  event: string;
  text: string;
}

/** GET /api/log. */
export interface LogPage {
  seq: number;
  entries: LogEntry[];
}

/** A scenario preset as GET /api/scenarios lists it. */
export interface ScenarioPreset {
  name: string;
  description: string;
}

/** A recording as GET /api/recordings lists it (sources without their tokens). */
export interface RecordingListing {
  name: string;
  path: string;
  frames?: number;
  durationMs?: number;
  startedAt?: string;
  source?: string;
  /** One of the recordings that ship with tiksim. */
  bundled?: boolean;
}

/** One kind of GET /api/kinds. */
export interface KindInfo {
  name: string;
  /** Present for the kinds generated by rate. */
  defaultRate?: number;
  periodic: boolean;
  burst: boolean;
  /** A TikTok kind TikFinity does not forward: generated and fired only with `--all-kinds`. */
  allKindsOnly?: boolean;
}

/** The name of a scenario or recording as listed (older servers listed bare names). */
export function nameOf(x: ScenarioPreset | RecordingListing | string | unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object' && 'name' in x && typeof (x as { name: unknown }).name === 'string') return (x as { name: string }).name;
  return '';
}
