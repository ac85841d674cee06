import type { SimStatus } from '../../protocol/index.ts';
import type { SimState } from './state.ts';
import { twitchStatusBlock } from '../twitch/status.ts';

/** GET /api/status, and the programmatic API's status(): one builder for both. */
export function simStatus(state: SimState): SimStatus {
    const eng = state.engine.status();
    const status: SimStatus = {
      mode: state.replay.active ? 'replay' : 'generate',
      // One word for what the stream is doing, so a client need not work it out from mode and paused.
      generation: state.replay.active ? 'replaying' : eng.paused ? 'paused' : 'generating',
      clients: state.hub.size,
      clientList: state.hub.list(),
      sent: { total: state.sent.total, byKind: state.sent.byKind, connectFrames: state.sent.connectFrames },
      ratesObserved: state.meter.rates(Date.now()),
      dropped: {
        frames: state.hub.stats.droppedFrames,
        slowClients: state.hub.stats.slowClientsDisconnected,
        deadClients: state.hub.stats.deadClientsTerminated,
      },
      stallMs: state.pump.stallLeftMs(),
      uptimeMs: Date.now() - state.startedAt,
      streamTimeMs: state.pump.now(),
      ...eng,
      seed: state.opts.seed,
      replay: state.replay.status(),
      logSeq: state.log.last,
      ...(state.twitch ? { twitch: twitchStatusBlock(state.twitch.status()) } : {}),
    };
  return status;
}
