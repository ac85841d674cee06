/**
 * The control API's shapes, from protocol/api.ts: defined once, for the server that builds them and the panel that
 * reads them. Only the panel's own call result is declared here.
 */
import type { ApiErrorBody } from '../../../protocol/api.ts';

export type {
  ApiErrorBody as ApiError,
  ApiGift,
  FireBody,
  LogEntry,
  LogPage,
  RecordingListing as RecordingInfo,
  ReplayState as ReplayStatus,
  ScenarioPreset,
  SimStatus,
  UserSpec,
  ViewerSummary,
} from '../../../protocol/api.ts';
export { nameOf } from '../../../protocol/api.ts';

/** A call's outcome; `status` 0 means the simulator could not be reached at all. */
export type ApiResult<T> = { ok: true; value: T; status: number } | { ok: false; error: ApiErrorBody; status: number };
