/** Shapes of the control API's JSON (docs/ARCHITECTURE.md, "HTTP routes on the simulator's port"). */

/** The documented error body: `{"error":{"code","message","field"?,"choices"?}}`. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
  choices?: string[];
}

/** A call's outcome; `status` 0 means the simulator could not be reached at all. */
export type ApiResult<T> = { ok: true; value: T; status: number } | { ok: false; error: ApiError; status: number };

/** Who sends a fired event: one of the four ways to pick a viewer plus flags to set on them. */
export interface UserSpec {
  uniqueId?: string;
  random?: boolean;
  new?: boolean;
  face?: boolean;
  isModerator?: boolean;
  isSubscriber?: boolean;
  followRole?: number;
  gifterLevel?: number;
}

/** POST /api/events body. */
export interface FireBody {
  event: string;
  data?: Record<string, unknown>;
  user?: UserSpec;
  count?: number;
}

/** One replay's progress, as in GET /api/status → replay. */
export interface ReplayStatus {
  recording: string;
  positionMs: number;
  durationMs: number;
  speed: number;
  paused: boolean;
  framesSent?: number;
  framesTotal?: number;
  error?: string | null;
  ended?: boolean;
}

/** GET /api/status (fields the panel reads; the server sends more). */
export interface SimStatus {
  mode: 'generate' | 'replay';
  clients: number;
  sent: { total: number; byKind: Record<string, number> };
  seed: number;
  rates: Record<string, number>;
  scenario: unknown;
  paused: boolean;
  uptimeMs: number;
  population?: number;
  stallMs?: number;
  replay?: ReplayStatus | null;
  /** Measured over the last seconds: `{total, byKind}`. */
  ratesObserved?: { total: number; byKind: Record<string, number> };
  clientList?: { id: number; remote: string; path: string; connectedAt: number }[];
}

/** One gift of GET /api/gifts. */
export interface ApiGift {
  id: number;
  name: string;
  diamondCount: number;
  streakable: boolean;
  imageUrl: string;
  describe?: string;
}

/** One viewer of GET /api/viewers. */
export interface ViewerSummary {
  uniqueId: string;
  nickname?: string;
  profilePictureUrl?: string;
  face?: number | boolean | null;
  isModerator?: boolean;
  isSubscriber?: boolean;
  followRole?: number;
  gifterLevel?: number;
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

/** A scenario preset as GET /api/scenarios lists it (a bare name or an object with a name). */
export type ScenarioPreset = string | { name: string; description?: string };

/** A recording as GET /api/recordings lists it (a bare name or an object with a name). */
export type RecordingInfo = string | { name: string; durationMs?: number; frames?: number; path?: string; source?: string };

/** The name of a scenario or recording in either listed form. */
export function nameOf(x: ScenarioPreset | RecordingInfo | unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object' && 'name' in x && typeof (x as { name: unknown }).name === 'string') return (x as { name: string }).name;
  return '';
}
