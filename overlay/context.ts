import type { Bus } from './bus.ts';
import type { MediaCache } from './media/media-cache.ts';
import type { Sounds } from './audio/sounds.ts';
import type { OverlayParams } from './params.ts';
import type { Layout } from './layout.ts';
import type { OverlayHarness } from './harness.ts';
import type { NumberRing } from './logic/ring.ts';
import type { PartBox } from './logic/boxes.ts';

/** What every scene gets: the bus (never the socket), settings, layout, media, sounds and the test harness. */
export interface OverlayContext {
  bus: Bus;
  params: OverlayParams;
  layout: Layout;
  media: MediaCache;
  sounds: Sounds;
  harness: OverlayHarness;
  latency: NumberRing;
  /** Records that the effect of a frame that arrived at `at` (performance.now()) is drawn on this step's render. */
  drawn: (at: number) => void;
  /** Records that a gift alert that arrived at `at` and waited for a slot is drawn on this step's render. */
  drawnAfterQueue: (at: number) => void;
  /** Asks for this step to be rendered (something changed outside a tween). */
  invalidate: () => void;
  checkpoint: (c: string) => void;
  log: (m: string) => void;
  /** Called by each scene at the end of create(). */
  sceneReady: (key: string) => void;
  /** Scenes report whether they are mid-animation; the harness is idle when none is. */
  busy: Map<string, () => boolean>;
  /** Scenes report the boxes they draw now (game px), for the layout check: push them onto `out`. */
  boxes: Map<string, (out: PartBox[]) => void>;
  /** Base URL of the app's static files (Vite's BASE_URL). */
  base: string;
  /** Where to load a picture from (TikTok's CDN goes through the image proxy). */
  mediaUrl: (url: string) => string;
}
