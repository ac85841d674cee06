/**
 * TikTok LIVE directly, through tiktok-live-connector 2.5 (TikTokLiveConnection), as a receiver: every webcast event
 * the library emits is handed on under its own name with the library's own (TLC-style) data; `connected`,
 * `disconnected` and `error` come from the shared base. A lost connection (or a first one that fails: not live yet,
 * no internet) is retried with backoff for as long as the receiver runs. Each event also carries, as `raw`, the
 * TikFinity-shaped frame the recorder writes for it (recorder/tiktok-map.ts), so a relay session from TikTok can be
 * recorded and replayed like any other. Tests point the library at recorder/tiktok-stand-in.ts through its own
 * settings (SignConfig.basePath, a known room id).
 */
import { ControlEvent, TikTokLiveConnection, type TikTokLiveConstructorConnectionOptions } from 'tiktok-live-connector';
import { CONTROL_EVENT_NAMES, TIKTOK_EVENT_NAMES, TLC_MESSAGE_TYPES } from '../protocol/tiktok-names.ts';
import { serializeFrame } from '../protocol/frame.ts';
import { mapWebcastMessage } from '../recorder/tiktok-map.ts';
import { ReconnectingReceiver, type Closer, type ReconnectOptions, type Session } from './reconnecting.ts';

/** Options of the TikTok receiver. */
export interface TikTokReceiverOptions extends ReconnectOptions {
  /** The streamer's @uniqueId (with or without the @). */
  uniqueId: string;
  /** tiktok-live-connector's own options, and a known room id (skips the room lookup on tiktok.com). */
  connection?: { roomId?: string; options?: Partial<TikTokLiveConstructorConnectionOptions> };
  name?: string;
}

const CONTROL: ReadonlySet<string> = new Set(CONTROL_EVENT_NAMES);
/** The webcast events to listen for: every TLC name but the control events. */
const WEBCAST_NAMES = TIKTOK_EVENT_NAMES.filter((n) => !CONTROL.has(n));

/** The TikFinity-shaped frame of one TLC event (what a recording holds), or undefined when it has none. */
function frameOf(kind: string, data: unknown): string | undefined {
  const type = (TLC_MESSAGE_TYPES as Record<string, string | null | undefined>)[kind];
  if (!type || kind === 'streamEnd') return kind === 'streamEnd' ? serializeFrame('streamEnd', data as Record<string, unknown>) : undefined;
  try {
    const m = mapWebcastMessage(type, data);
    return m && m.event === kind ? serializeFrame(m.event, m.data) : undefined;
  } catch {
    return undefined;
  }
}

/** Receives from TikTok LIVE. */
export class TikTokReceiver extends ReconnectingReceiver {
  private readonly uniqueId: string;

  constructor(private readonly o: TikTokReceiverOptions) {
    const id = o.uniqueId.replace(/^@/, '');
    super(o.name ?? 'tiktok', 'tiktok', `@${id}`, o);
    this.uniqueId = id;
  }

  protected open(s: Session): Closer {
    const conn = new TikTokLiveConnection(this.uniqueId, (this.o.connection?.options ?? {}) as TikTokLiveConstructorConnectionOptions);
    const emitter = conn as unknown as NodeJS.EventEmitter;
    for (const name of WEBCAST_NAMES) {
      emitter.on(name, (data: unknown) => s.event(name, data, undefined, frameOf(name, data)));
    }
    emitter.on(ControlEvent.DISCONNECTED, (info: unknown) => {
      const i = (info ?? {}) as { code?: number; reason?: string };
      s.lost(`TikTok disconnected${i.reason ? `: ${i.reason}` : ''}`, typeof i.code === 'number' ? i.code : undefined);
    });
    emitter.on(ControlEvent.ERROR, (e: unknown) => {
      const err = (e ?? {}) as { info?: string; exception?: unknown; message?: string };
      s.problem(err.info ?? err.message ?? 'TikTok connection error', err.exception);
    });
    conn
      .connect(this.o.connection?.roomId)
      .then((state) => {
        const roomId = String((state as { roomId?: unknown }).roomId ?? this.o.connection?.roomId ?? '0');
        s.connected(roomId, { isConnected: true, isConnecting: false, roomId, roomInfo: null, availableGifts: null });
      })
      .catch((e: Error) => {
        const msg = String(e?.message ?? e).replace(/\s*\n\s*/g, ' ').trim().slice(0, 300);
        s.lost(`cannot connect to TikTok @${this.uniqueId}: ${msg} (needs internet and a live stream)`);
      });
    return async () => {
      emitter.removeAllListeners();
      await Promise.resolve(conn.disconnect()).catch(() => undefined);
    };
  }
}
