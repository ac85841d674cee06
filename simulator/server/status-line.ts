import type { SimState } from './state.ts';

function fmtDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}

/** One status line: clients (and the fake Twitch's), events/s by kind, total sent, uptime (and replay position when replaying). */
export function statusText(state: SimState, width = 120): string {
  const r = state.meter.rates(Date.now());
  const kinds = Object.entries(r.byKind)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(' ');
  const rep = state.replay.status();
  const mode = rep
    ? rep.waitingForClient
      ? `replay waiting for a first client (starts when one connects)`
      : `replay ${fmtDuration(rep.positionMs)}/${fmtDuration(rep.durationMs)} x${rep.speed}${rep.paused ? ' paused' : ''}${rep.pass > 0 ? ` pass ${rep.pass + 1}` : ''}`
    : state.engine.status().paused
      ? 'generation paused'
      : 'generating';
  // The fake Twitch's clients beside TikTok's, so a Twitch client that dropped off shows at a glance.
  const tw = state.twitch?.status();
  const twitch = tw ? ` │ twitch ${tw.clients.length} client${tw.clients.length === 1 ? '' : 's'}${tw.scenario ? ` (${tw.scenario.name}: ${tw.scenario.phase})` : ''}` : '';
  const stall = state.pump.stallLeftMs() > 0 ? ` │ STALLED ${Math.ceil(state.pump.stallLeftMs() / 1000)}s` : '';
  const line = `● ${state.hub.size} client${state.hub.size === 1 ? '' : 's'}${twitch} │ ${mode} │ ${r.total.toFixed(1)} ev/s${kinds ? ` (${kinds})` : ''} │ ${state.sent.total.toLocaleString('en')} sent │ up ${fmtDuration(Date.now() - state.startedAt)}${stall}`;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** Redraws the status line in place once a second while stdout is a terminal; returns a stop function. */
export function startStatusLine(state: SimState, out: NodeJS.WriteStream = process.stdout): () => void {
  if (!out.isTTY) return () => {};
  const draw = (): void => {
    out.write(`\r\x1b[2K${statusText(state, (out.columns || 120) - 1)}`);
  };
  draw();
  const t = setInterval(draw, 1000);
  t.unref();
  return () => {
    clearInterval(t);
    out.write('\r\x1b[2K');
  };
}
