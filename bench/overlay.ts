/**
 * Overlay benchmark against the REAL simulator: the built overlay (dist/overlay, served by the simulator itself at
 * /overlay/) in headless Chromium at 1080x1920, with the machine's software rendering (no GPU).
 *
 * Figures, each beside a baseline measured in the same run:
 * - frame time p50/p95 and dropped frames, from an rAF loop injected into the page (independent of Phaser's own,
 *   smoothed, delta): quiet and gift-storm scenarios with the renderer the overlay picks (auto), the storm again with
 *   WebGL forced (the old renderer), against an empty Phaser scene at 1080x1920 (the floor of the canvas itself);
 * - arrival-to-screen p50/p95: from the socket handler receiving a frame to the end of the first rendered frame that
 *   draws its effect (counter, new card, chat line, heart); time gift alerts waited for a free slot is its own row;
 * - CPU per game step (update, draw and the canvas's rasterisation, timed by hand with the loop stopped), gift-storm on
 *   Canvas, against the same with every scene hidden: a figure that other load on the machine disturbs far less than
 *   dropped frames do;
 * - heap after a forced GC, 2 replayed minutes in (caches warm) and at the end of a 10-minute recording (generated here with the simulator's engine,
 *   `busy` scenario) replayed at 20x (~30 s, ~800 frames/s).
 * - the software-WebGL floor: the storm with only the gift alerts drawn, and pages with no overlay at all (Phaser with
 *   one still picture over 25% / 50% / 75% of the canvas, with Phaser's tint step and the overlay's, plain WebGL with
 *   one quad over 50% / 100%): what the machine's
 *   rasteriser can fill at 60 fps, whatever the overlay does.
 * Usage: npm run bench overlay (build first: npm run build). Takes about 2 minutes.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../simulator/server/app.ts';
import { createEngine } from '../simulator/engine.ts';
import { frameLine, makeHeader } from '../recorder/format.ts';
import type { BenchRow } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const VIEW = { width: 1080, height: 1920 };
const START_MS = Date.UTC(2025, 5, 14, 19, 0, 0);
const VSYNC = 1000 / 60;

/** Percentile by nearest rank. */
function pct(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Share of display refreshes (60 Hz) that got no new frame, in %. */
function droppedPct(intervals: number[]): number {
  let missed = 0;
  for (const dt of intervals) missed += Math.max(0, Math.round(dt / VSYNC) - 1);
  return (missed / Math.max(1, missed + intervals.length)) * 100;
}

// Records every animation-frame interval, from before the page's own scripts run.
const RAF_PROBE = `(() => { const a = []; let last = 0; window.__rafIntervals = a;
  const f = (t) => { if (last) { a.push(t - last); if (a.length > 20000) a.splice(0, 10000); } last = t; requestAnimationFrame(f); };
  requestAnimationFrame(f); })();`;

interface Sample {
  frames: number[];
  lat: number[];
  queue: number[];
  received: number;
}

async function sample(page: Page, ms: number): Promise<Sample> {
  await page.evaluate(() => {
    (window as unknown as { __rafIntervals: number[] }).__rafIntervals.length = 0;
    window.__overlay.latencies.length = 0;
    window.__overlay.queueWaits.length = 0;
  });
  const r0 = await page.evaluate(() => window.__overlay.received);
  await new Promise((r) => setTimeout(r, ms));
  return page.evaluate((r0) => ({
    frames: [...(window as unknown as { __rafIntervals: number[] }).__rafIntervals],
    lat: [...window.__overlay.latencies],
    queue: [...window.__overlay.queueWaits],
    received: window.__overlay.received - r0,
  }), r0);
}

/** Opens the routed stand-alone page, lets it warm up for `warmMs`, then records animation-frame intervals for `ms`. */
async function standalonePage(page: Page, warmMs: number, ms: number): Promise<number[]> {
  await page.addInitScript(RAF_PROBE);
  await page.goto('http://bench.invalid/');
  await new Promise((r) => setTimeout(r, warmMs));
  await page.evaluate(() => { (window as unknown as { __rafIntervals: number[] }).__rafIntervals.length = 0; });
  await new Promise((r) => setTimeout(r, ms));
  return await page.evaluate(() => [...(window as unknown as { __rafIntervals: number[] }).__rafIntervals]);
}

/**
 * The empty-scene floor: Phaser with one empty scene, same size and options as the overlay; with `cover` > 0, the scene
 * holds one still, translucent picture over that share of the canvas (what software WebGL can fill, with no overlay
 * code running at all).
 */
async function emptyScene(browser: Browser, renderer: 'canvas' | 'webgl', ms: number, cover = 0, multiplyTint = false): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEW });
  try {
    const phaser = readFileSync(join(root, 'node_modules/phaser/dist/phaser.min.js'));
    await page.route('http://bench.invalid/**', (route) => {
      if (route.request().url().endsWith('/phaser.js')) return route.fulfill({ body: phaser, contentType: 'text/javascript' });
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body style="margin:0;background:transparent"><div id="game"></div><script src="/phaser.js"></script><script>
          new Phaser.Game({ type: Phaser.${renderer === 'canvas' ? 'CANVAS' : 'WEBGL'}, parent: 'game', width: ${VIEW.width}, height: ${VIEW.height},
            transparent: true, banner: false, audio: { noAudio: true }, render: { antialias: true, antialiasGL: false },
            scale: { mode: Phaser.Scale.NONE }, scene: { create() {
              if (${multiplyTint}) this.sys.game.renderer.renderNodes.getNode('BatchHandlerQuad').programManager.replaceAddition('Tint', { name: 'TintMultiply',
                additions: { fragmentProcess: 'fragColor = vec4(fragColor.rgb * outTint.bgr, fragColor.a) * outTint.a;' }, tags: ['TINT'] });
              if (!${cover}) return;
              const t = this.textures.createCanvas('fill', 256, 256); t.context.fillStyle = 'rgba(40,30,60,0.8)';
              t.context.fillRect(0, 0, 256, 256); t.refresh();
              this.add.image(0, 0, 'fill').setOrigin(0, 0).setDisplaySize(${VIEW.width}, ${VIEW.height} * ${cover});
            } } });
        </script></body></html>`,
      });
    });
    return await standalonePage(page, 1500, ms);
  } finally {
    await page.close();
  }
}

/**
 * The rasteriser's own floor, without Phaser: plain WebGL drawing one translucent textured quad over `cover` of a
 * 1080x1920 canvas each frame (one draw call, the simplest shader).
 */
async function rawQuad(browser: Browser, ms: number, cover: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEW });
  try {
    await page.route('http://bench.invalid/**', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body style="margin:0"><canvas id="c" width="${VIEW.width}" height="${VIEW.height}"></canvas><script>
        const gl = document.getElementById('c').getContext('webgl', { alpha: true, premultipliedAlpha: true, antialias: false });
        const sh = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
        const p = gl.createProgram();
        gl.attachShader(p, sh(gl.VERTEX_SHADER, 'attribute vec2 a; varying vec2 uv; void main() { uv = a * 0.5 + 0.5; gl_Position = vec4(a, 0.0, 1.0); }'));
        gl.attachShader(p, sh(gl.FRAGMENT_SHADER, 'precision mediump float; varying vec2 uv; uniform sampler2D t; void main() { gl_FragColor = texture2D(t, uv) * 0.8; }'));
        gl.linkProgram(p); gl.useProgram(p);
        const top = -1 + 2 * ${cover};
        gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
        gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, top, 1, top]), gl.STATIC_DRAW);
        gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
        gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 256, 256, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(256 * 256 * 4).fill(160));
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
        const f = () => { gl.clearColor(0, 0, 0, 0); gl.clear(gl.COLOR_BUFFER_BIT); gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4); requestAnimationFrame(f); };
        requestAnimationFrame(f);
      </script></body></html>`,
    }));
    return await standalonePage(page, 1000, ms);
  } finally {
    await page.close();
  }
}

async function openOverlay(browser: Browser, sim: RunningSimulator, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEW });
  page.on('pageerror', (e) => process.stderr.write(`overlay page error: ${e.message}\n`));
  page.on('crash', () => process.stderr.write('overlay page crashed\n'));
  await page.addInitScript(RAF_PROBE);
  await page.goto(`${sim.url}/overlay/?mute&ws=${encodeURIComponent(sim.wsUrl)}${query}`);
  await page.waitForFunction(() => window.__overlay?.ready === true && window.__overlay.connected, null, { timeout: 30_000 });
  return page;
}

/** Runs `scenario` and samples frames; `only` lists the scenes left drawing (the others are hidden, still updating). */
async function scenarioRun(browser: Browser, scenario: string, ms: number, query = '', only?: string[]): Promise<Sample & { renderer: string }> {
  const sim = await startSimulator({ port: 0, seed: 7, scenario, startMs: START_MS, distDir: join(root, 'dist') });
  try {
    // ?debug (the status badge, always drawn) only where scenes are hidden through the game object.
    const page = await openOverlay(browser, sim, `${only ? '&debug' : ''}${query}`);
    // Let the face cutter and the first pictures load before measuring.
    await new Promise((r) => setTimeout(r, 2500));
    if (only) {
      await page.evaluate((keep) => {
        const game = (window as unknown as { __game: { scene: { scenes: { sys: { settings: { key: string }; setVisible(v: boolean): void } }[] } } }).__game;
        for (const s of game.scene.scenes) if (!keep.includes(s.sys.settings.key)) s.sys.setVisible(false);
      }, only);
    }
    const s = await sample(page, ms);
    const renderer = await page.evaluate(() => (window.__overlay.renderer.startsWith('webgl') ? 'webgl' : window.__overlay.renderer));
    await page.close();
    return { ...s, renderer };
  } finally {
    await sim.close();
  }
}

/**
 * The CPU one game step costs, drawing included: with the game loop stopped, steps the game by hand (update, render)
 * and forces the 2D canvas to rasterise what was drawn (a one-pixel read), timing each step. Unlike dropped frames,
 * this barely depends on what else the machine runs (the storm's frames keep arriving between batches of steps).
 * `hideAll`: the same with every scene hidden (updating, drawing nothing): the floor.
 */
async function stepCost(browser: Browser, hideAll: boolean): Promise<number[]> {
  const sim = await startSimulator({ port: 0, seed: 7, scenario: 'gift-storm', startMs: START_MS, distDir: join(root, 'dist') });
  try {
    const page = await openOverlay(browser, sim, '&debug&renderer=canvas');
    await new Promise((r) => setTimeout(r, 2500));
    const out = await page.evaluate(async (hideAll) => {
      type Game = { loop: { sleep(): void; time: number }; step(t: number, d: number): void; canvas: HTMLCanvasElement;
        scene: { scenes: { sys: { setVisible(v: boolean): void } }[] } };
      const g = (window as unknown as { __game: Game }).__game;
      if (hideAll) for (const s of g.scene.scenes) s.sys.setVisible(false);
      g.loop.sleep();
      const ctx = g.canvas.getContext('2d');
      let t = g.loop.time;
      const ms: number[] = [];
      for (let c = 0; c < 40; c++) {
        await new Promise((r) => setTimeout(r, 40));
        for (let i = 0; i < 8; i++) {
          const a = performance.now();
          t += 1000 / 60;
          g.step(t, 1000 / 60);
          ctx?.getImageData(0, 0, 1, 1);
          ms.push(performance.now() - a);
        }
      }
      return ms;
    }, hideAll);
    await page.close();
    return out;
  } finally {
    await sim.close();
  }
}

/** Writes a recording of `minutes` of the `busy` scenario, generated by the simulator's engine (no waiting). */
function makeRecording(dir: string, minutes: number, mediaBase: string): { path: string; frames: number } {
  const path = join(dir, 'events.jsonl');
  const fd = openSync(path, 'w');
  const engine = createEngine({ seed: 11, population: 500, scenario: 'busy', startMs: START_MS, mediaBase });
  let frames = 0;
  let buf: string[] = [JSON.stringify(makeHeader('bench:busy', START_MS, 'tiksim bench', 'bench-busy'))];
  const end = START_MS + minutes * 60_000;
  for (let t = START_MS; t <= end; t += 1000) {
    engine.advance(t, (f) => {
      buf.push(frameLine(t - START_MS, f.text));
      frames++;
    });
    if (buf.length > 2000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
  return { path: dir, frames };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}

async function heapRun(browser: Browser, progress: (m: string) => void): Promise<{ before: number; after: number; mid: number; frames: number; received: number; tooks: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tiksim-bench-rec-'));
  const sim = await startSimulator({ port: 0, seed: 7, startMs: START_MS, distDir: join(root, 'dist'), paused: true, chatBacklog: false });
  try {
    const rec = makeRecording(dir, 10, sim.url);
    progress(`overlay: heap: 10-minute recording, ${rec.frames} frames, replayed at 20x`);
    const page = await openOverlay(browser, sim);
    await new Promise((r) => setTimeout(r, 1500));
    const before = await heapMB(page);
    const t0 = Date.now();
    await sim.state.replay.load({ recording: rec.path, speed: 20, rewriteMedia: false });
    // Caches (pictures, faces, streak keys, checkpoints) fill in the first seconds; growth is measured after that.
    await new Promise((r) => setTimeout(r, 6000));
    const mid = await heapMB(page);
    // 10 min at 20x is 30 s; wait for the end of the replay (bounded), then for the overlay to drain.
    while (sim.state.replay.active && Date.now() - t0 < 40_000) {
      if (sim.state.replay.status()?.ended) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 2000));
    const after = await heapMB(page);
    const received = await page.evaluate(() => window.__overlay.received);
    await page.close();
    return { before, after, mid, frames: rec.frames, received, tooks: (Date.now() - t0) / 1000 };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Overlay benchmark: frame time, dropped frames, arrival-to-screen and heap, each beside its same-run baseline. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  if (!existsSync(join(root, 'dist/overlay/index.html'))) throw new Error('build the overlay first: npm run build');
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: ARGS });
  const rows: BenchRow[] = [];
  const part = 'overlay';
  try {
    progress('overlay: empty Phaser scene at 1080x1920 (canvas and WebGL)');
    const emptyCanvas = await emptyScene(browser, 'canvas', 4000);
    const emptyGL = await emptyScene(browser, 'webgl', 4000);
    progress('overlay: quiet scenario');
    const quiet = await scenarioRun(browser, 'quiet', 8000);
    progress('overlay: gift-storm scenario');
    const storm = await scenarioRun(browser, 'gift-storm', 12_000);
    progress('overlay: gift-storm scenario, WebGL forced');
    const stormGL = await scenarioRun(browser, 'gift-storm', 6000, '&renderer=webgl');
    progress('overlay: software WebGL floor: gift alerts alone, quiet, a still picture over 25% / 50% / 75% of the canvas, a raw quad');
    const stormGLGifts = await scenarioRun(browser, 'gift-storm', 6000, '&renderer=webgl', ['GiftAlerts']);
    const quietGL = await scenarioRun(browser, 'quiet', 6000, '&renderer=webgl');
    const cover25 = await emptyScene(browser, 'webgl', 4000, 0.25);
    const cover50 = await emptyScene(browser, 'webgl', 4000, 0.5);
    const cover50lean = await emptyScene(browser, 'webgl', 4000, 0.5, true);
    const cover75lean = await emptyScene(browser, 'webgl', 4000, 0.75, true);
    const raw50 = await rawQuad(browser, 4000, 0.5);
    const raw100 = await rawQuad(browser, 4000, 1);
    progress('overlay: CPU per game step, drawing included (gift-storm, Canvas), and with every scene hidden');
    const steps = await stepCost(browser, false);
    const stepsFloor = await stepCost(browser, true);
    const heap = await heapRun(browser, progress);
    progress(`overlay: renderer ${storm.renderer}; storm received ${storm.received} frames in 12 s; replay took ${heap.tooks.toFixed(0)} s`);

    const floor = storm.renderer === 'webgl' ? emptyGL : emptyCanvas;
    const base = `empty scene (${storm.renderer})`;
    const f = (figure: string, value: number, unit: string, baseline: number, target: string, pass?: boolean): void => {
      rows.push({ part, figure, value, unit, baseline, ratio: baseline > 0 ? value / baseline : undefined, target, pass });
    };
    f(`frame time p50, gift-storm (vs ${base})`, pct(storm.frames, 50), 'ms', pct(floor, 50), '≤ 16.7 ms', pct(storm.frames, 50) <= 16.7 + 0.5);
    f(`frame time p95, gift-storm (vs ${base})`, pct(storm.frames, 95), 'ms', pct(floor, 95), '≤ 16.7 ms', pct(storm.frames, 95) <= 16.7 + 0.5);
    f(`dropped frames, gift-storm (vs ${base})`, droppedPct(storm.frames), '%', droppedPct(floor), '≤ 5%', droppedPct(storm.frames) <= 5);
    f('CPU per game step p50, update + draw + rasterise, gift-storm, Canvas (vs every scene hidden)', pct(steps, 50), 'ms', pct(stepsFloor, 50), '≤ 8.3 ms (half a frame)', pct(steps, 50) <= 8.3);
    f('CPU per game step p25, same (vs every scene hidden)', pct(steps, 25), 'ms', pct(stepsFloor, 25), 'info: least disturbed by other load');
    f(`frame time p95, quiet (vs ${base})`, pct(quiet.frames, 95), 'ms', pct(floor, 95), '≤ 16.7 ms', pct(quiet.frames, 95) <= 16.7 + 0.5);
    f(`dropped frames, quiet (vs ${base})`, droppedPct(quiet.frames), '%', droppedPct(floor), '≤ 5%', droppedPct(quiet.frames) <= 5);
    f('frame time p95, gift-storm, WebGL forced (vs empty scene WebGL)', pct(stormGL.frames, 95), 'ms', pct(emptyGL, 95), 'info: software WebGL');
    f('dropped frames, gift-storm, WebGL forced (vs empty scene WebGL)', droppedPct(stormGL.frames), '%', droppedPct(emptyGL), 'info: software WebGL');
    f('frame time p95, gift-storm, WebGL, only the gift alerts drawn (vs empty scene WebGL)', pct(stormGLGifts.frames, 95), 'ms', pct(emptyGL, 95), 'info: software WebGL');
    f('dropped frames, gift-storm, WebGL, only the gift alerts drawn (vs empty scene WebGL)', droppedPct(stormGLGifts.frames), '%', droppedPct(emptyGL), 'info: software WebGL');
    f('frame time p95, quiet, WebGL forced (vs empty scene WebGL)', pct(quietGL.frames, 95), 'ms', pct(emptyGL, 95), 'info: software WebGL');
    f('dropped frames, quiet, WebGL forced (vs empty scene WebGL)', droppedPct(quietGL.frames), '%', droppedPct(emptyGL), 'info: software WebGL');
    f('frame time p95, Phaser WebGL, no overlay, one still picture over 25% of the canvas (vs empty)', pct(cover25, 95), 'ms', pct(emptyGL, 95), 'info: rasteriser floor');
    f('frame time p95, Phaser WebGL, no overlay, one still picture over 50% of the canvas (vs empty)', pct(cover50, 95), 'ms', pct(emptyGL, 95), 'info: rasteriser floor');
    f('dropped frames, Phaser WebGL, no overlay, one still picture over 50% of the canvas (vs empty)', droppedPct(cover50), '%', droppedPct(emptyGL), 'info: rasteriser floor');
    f('frame time p95, same 50% picture, with the overlay\'s multiply-only tint shader (vs empty)', pct(cover50lean, 95), 'ms', pct(emptyGL, 95), 'info: rasteriser floor');
    f('dropped frames, same 50% picture, with the overlay\'s multiply-only tint shader (vs empty)', droppedPct(cover50lean), '%', droppedPct(emptyGL), 'info: rasteriser floor');
    f('dropped frames, a 75% picture, with the overlay\'s multiply-only tint shader (vs empty)', droppedPct(cover75lean), '%', droppedPct(emptyGL), 'info: rasteriser floor');
    f('frame time p95, plain WebGL (no Phaser), one textured quad over 50% of the canvas (vs Phaser empty)', pct(raw50, 95), 'ms', pct(emptyGL, 95), 'info: rasteriser floor');
    f('frame time p95, plain WebGL (no Phaser), one textured quad over 100% of the canvas (vs Phaser empty)', pct(raw100, 95), 'ms', pct(emptyGL, 95), 'info: rasteriser floor');
    f('arrival-to-screen p50, gift-storm (vs quiet)', pct(storm.lat, 50), 'ms', pct(quiet.lat, 50), '< 50 ms', pct(storm.lat, 50) < 50);
    f('arrival-to-screen p95, gift-storm (vs quiet)', pct(storm.lat, 95), 'ms', pct(quiet.lat, 95), '< 50 ms', pct(storm.lat, 95) < 50);
    f('gift alert wait for a free slot p95, gift-storm (vs quiet)', pct(storm.queue, 95), 'ms', pct(quiet.queue, 95), 'info: by design (3 slots)');
    f('heap after GC, end of a 10-min recording at 20x (vs 2 replayed minutes in)', heap.after, 'MB', heap.mid, '≤ +2 MB', heap.after <= heap.mid + 2);
    f('heap after GC, 2 replayed minutes in (vs idle page before the replay)', heap.mid, 'MB', heap.before, 'info: caches filling');
  } finally {
    await browser.close();
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run((m) => console.error(m)).then((r) => console.table(r), (e: unknown) => { console.error(e); process.exitCode = 1; });
}
