/**
 * Every error code tiksim emits, in one table: the control API, server start-up, replay, the recording format, the
 * image proxy and the panel's own input checks. Each has its HTTP status (the first is the default; `also` lists the
 * others a code may answer with) and its meaning. README's error table is generated from this one
 * (`errorsTable()`; a test keeps them equal). Runs in Node and the browser.
 */
export const ERRORS = {
  // Request bodies and fields (control API, scenario files).
  E_BAD_JSON: { status: 400, meaning: 'the body (or a file) is not valid JSON' },
  E_BAD_BODY: { status: 400, meaning: 'the body is empty, nested over 32 levels deep, or not an object of the expected shape' },
  E_BAD_FIELD: { status: 400, meaning: 'a field has the wrong type or value; `field` names it' },
  E_UNKNOWN_FIELD: { status: 400, meaning: 'a field the event or object does not accept; `field` names it' },
  E_OUT_OF_RANGE: { status: 400, meaning: 'a number outside its range (the message gives the range and the value)' },
  E_UNKNOWN_EVENT: { status: 400, meaning: "not one of TikFinity's events; `choices` lists them" },
  E_NEEDS_ALL_KINDS: { status: 400, meaning: 'a TikTok kind TikFinity does not forward (goalUpdate, pollMessage...) fired at a simulator started without `--all-kinds` (`allKinds`)' },
  E_NO_TLC_EVENT: { status: 400, meaning: "TikFinity's own `config` frame has no TikTok-Live-Connector event (toTlcData)" },
  E_UNKNOWN_GIFT: { status: 400, meaning: 'no such gift; `choices` holds the nearest names, when any is near' },
  E_UNKNOWN_USER: { status: 400, meaning: 'no viewer with that uniqueId; a near one is suggested when there is one' },
  E_UNKNOWN_SCENARIO: { status: 400, meaning: 'no scenario preset of that name; `choices` lists them' },
  E_BAD_SCENARIO: { status: 400, meaning: 'a scenario that does not match the format; `field` gives the path' },
  E_BAD_RATES: { status: 400, meaning: 'a malformed rates list (unknown kind, not a number)' },
  E_BAD_QUIRKS: { status: 400, meaning: 'a malformed quirks list (unknown quirk, bad value)' },
  E_FILE: { status: 400, meaning: 'a file could not be read' },
  // HTTP and security.
  E_NOT_FOUND: { status: 404, meaning: 'no such route or file; the message lists the API routes' },
  E_METHOD: { status: 405, meaning: 'the route exists with other methods (`Allow` header)' },
  E_TOO_LARGE: { status: 413, meaning: 'body over 256 KiB' },
  E_UNSUPPORTED_TYPE: { status: 415, meaning: 'a `POST`/`PUT`/`DELETE` not sent as `Content-Type: application/json`' },
  E_UNAUTHORIZED: { status: 401, meaning: 'the server has a token (the relay: an API key, `X-API-Key`) and the request did not carry it' },
  E_FOREIGN_ORIGIN: { status: 403, meaning: 'a write from a page of another origin (`Origin` header); `--allow-origin` adds one' },
  E_HOST_NOT_ALLOWED: { status: 403, meaning: "the `Host` header is not one of this server's names (DNS rebinding; `--allow-host` adds one), or the image proxy's host is not on its allowlist" },
  E_BAD_REQUEST: { status: 400, meaning: 'a WebSocket upgrade request that could not be read' },
  E_INTERNAL: { status: 500, meaning: 'a bug, caught; the server keeps running' },
  E_TWITCH_OFF: { status: 409, meaning: 'a `/api/twitch/` route on a server started without `--twitch`' },
  // Replay and recorded media.
  E_REPLAY: { status: 400, also: [404, 409], meaning: 'a replay request failed: a bad recording (400), no listed recording of that name (404, the same for anything that is not one), none loaded (409)' },
  E_REPLAY_RANGE: { status: 400, meaning: '`--from`/`fromMs` lies past the end of the recording' },
  E_MEDIA_REFUSED: { status: 403, meaning: '`/media/rec/`: the recording names a file outside its `media/`, or one that is not a raster image' },
  E_BAD_KEY: { status: 400, meaning: '`/media/rec/`: a key that is not one, or a malformed percent-escape' },
  // Image proxy.
  E_BAD_URL: { status: 400, meaning: 'image proxy: not an https URL (or missing)' },
  E_UPSTREAM: { status: 502, meaning: 'image proxy: the CDN failed, redirected badly, or sent something that is not a raster image' },
  E_TIMEOUT: { status: 504, meaning: 'image proxy: the CDN was too slow' },
  // Server start-up (the CLI prints these and exits 1).
  E_PORT_IN_USE: { status: 0, meaning: 'start-up: the port is taken (TikFinity itself may run there); use `--port`' },
  E_PORT_DENIED: { status: 0, meaning: 'start-up: not allowed to listen on that port; choose one above 1024' },
  E_BAD_HOST: { status: 0, meaning: 'start-up: `--host` is no address of this machine' },
  E_LISTEN: { status: 0, meaning: 'start-up: listening failed for another reason (the message gives it)' },
  // Recording format (CLI, replay).
  E_REC_NOT_FOUND: { status: 0, meaning: 'recording: the folder or events file does not exist' },
  E_REC_BAD_HEADER: { status: 0, meaning: 'recording: line 1 is not a tiksim recording header' },
  E_REC_VERSION: { status: 0, meaning: 'recording: written by a newer format version; update tiksim' },
  E_REC_BAD_LINE: { status: 0, meaning: 'recording: a line is not valid JSON or not a known entry (`file:line`; `--skip-bad` reports and carries on)' },
  E_REC_WRITE: { status: 0, meaning: 'recording: the events file could not be written (disk full, read-only, no permission)' },
  E_REC_EXISTS: { status: 0, meaning: 'recording: the output folder already holds a recording (never overwritten)' },
  // The webhook relay (tiksim relay): its API, outbox and start-up.
  E_NO_WEBHOOK: { status: 404, meaning: 'relay: no webhook has that id (`GET /api/webhooks` lists them)' },
  E_NO_DELIVERY: { status: 404, meaning: 'relay: no delivery has that id (`GET /api/webhooks/:id/deliveries` lists them)' },
  E_NO_EVENT: { status: 404, meaning: 'relay: `?before=` names no stored event (it may have been pruned by `--keep`)' },
  E_DELIVERY_STATE: { status: 409, meaning: 'relay: a redelivery of a delivery still pending, or of a disabled webhook (it answered 410)' },
  E_RELAY_OUTBOX_FULL: { status: 0, meaning: "relay: a webhook's outbox holds `--outbox-cap` pending deliveries; new events are recorded as failed for it until it drains" },
  E_RELAY_DB: { status: 0, meaning: 'relay: the database file could not be opened or written (`--db`)' },
  // The panel's own checks, before anything is sent.
  E_INPUT: { status: 0, meaning: "panel: a box holds what cannot be sent (the message says what to type)" },
  E_UNREACHABLE: { status: 0, meaning: 'panel: the simulator does not answer (it reconnects on its own)' },
  E_BAD_REPLY: { status: 0, meaning: 'panel: the simulator answered an error without the documented body (the message gives the status)' },
} as const satisfies Record<string, { status: number; also?: readonly number[]; meaning: string }>;

/** Every code tiksim emits. */
export type ErrorCode = keyof typeof ERRORS;

/** The codes of recording-format errors. */
export type RecordingErrorCode = Extract<ErrorCode, `E_REC_${string}`>;

/** True when `code` is in the table. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

/** The HTTP statuses a code may answer with (none for codes that never travel over HTTP). */
export function statusesOf(code: ErrorCode): number[] {
  const e: { status: number; also?: readonly number[] } = ERRORS[code];
  return e.status === 0 ? [] : [e.status, ...(e.also ?? [])];
}

/** README's error table, as markdown rows, from ERRORS. */
export function errorsTable(): string {
  const rows = (Object.keys(ERRORS) as ErrorCode[]).map((c) => {
    const s = statusesOf(c);
    return `| \`${c}\` | ${s.length ? s.join('/') : '–'} | ${ERRORS[c].meaning} |`;
  });
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}
