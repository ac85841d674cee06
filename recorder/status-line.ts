/** The recorder's live status line on a terminal, and its end-of-session summary. */
import type { RecorderStats, RecordSummary } from './record.ts';

/** Human bytes: 1.2 MB. */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** h:mm:ss */
export function fmtElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** One status line: state, frames, rate (over the last interval), bytes, elapsed. */
export function statusLine(s: RecorderStats, ratePerS: number): string {
  if (s.state === 'reconnecting' && s.retry) {
    // Down: say why and when the next try is, so a wrong URL or a stopped server is obvious at a glance.
    const wait = Math.max(0, s.retry.atMs - s.elapsedMs) / 1000;
    return `○ ${s.connectedOnce ? 'reconnecting' : 'connecting'}: ${s.retry.problem}  retry ${s.retry.attempt} in ${wait.toFixed(1)}s  frames ${s.frames}  ${fmtElapsed(s.elapsedMs)}${s.gaps.length ? `  gaps ${s.gaps.length}` : ''}`;
  }
  const state = s.state === 'connected' ? '● connected' : s.state === 'reconnecting' ? '○ reconnecting' : `○ ${s.state}`;
  const media = s.media.ok + s.media.failed + s.media.pending > 0 ? `  media ${s.media.ok}/${s.media.ok + s.media.failed + s.media.pending}` : '';
  return `${state}  frames ${s.frames}  ${ratePerS.toFixed(1)}/s  ${fmtBytes(s.bytes)}  ${fmtElapsed(s.elapsedMs)}${s.gaps.length ? `  gaps ${s.gaps.length}` : ''}${media}`;
}

/** The summary printed when a session ends. */
export function formatSummary(s: RecordSummary): string {
  const kinds = Object.entries(s.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const gapMs = s.gaps.reduce((a, g) => a + g.durationMs, 0);
  return [
    `recorded ${s.frames} frames in ${fmtElapsed(s.elapsedMs)} into ${s.dir}${s.binary ? ` (${s.binary} of them binary, kept as binary entries)` : ''}`,
    `  events   ${kinds || 'none'}`,
    `  gaps     ${s.gaps.length}${s.gaps.length ? ` (${gapMs} ms without upstream)` : ''}`,
    `  bytes    ${fmtBytes(s.bytes)}`,
    `  media    ${s.media.ok} captured, ${s.media.failed} failed, ${s.media.skipped} skipped${s.media.skipped ? " (never fetched: not an image field, or not TikTok's CDN or the recorded server)" : ''}`,
    `  stopped  ${s.reason}`,
  ].join('\n');
}

/** Starts a status line on a TTY stream (no-op elsewhere); returns a function that clears and stops it. */
export function startStatusLine(stream: NodeJS.WriteStream, read: () => RecorderStats, everyMs = 250): () => void {
  if (!stream.isTTY) return () => undefined;
  let last = { frames: 0, at: Date.now() };
  const timer = setInterval(() => {
    const s = read();
    const now = Date.now();
    const rate = ((s.frames - last.frames) * 1000) / Math.max(1, now - last.at);
    last = { frames: s.frames, at: now };
    stream.write(`\r\x1b[2K${statusLine(s, rate)}`);
  }, everyMs);
  return () => {
    clearInterval(timer);
    stream.write('\r\x1b[2K');
  };
}
