/**
 * Real face detection in real Chromium: MediaPipe BlazeFace (tasks-vision, CPU) on the simulator's public-domain
 * astronaut photo, through overlay/face/face-cutter.ts, served offline by the harness in e2e/face-page/.
 */
import { expect, test } from './fixtures.ts';
import { startFaceHarness, type FaceHarness } from './face-page/server.ts';
import type { FaceBox } from '../overlay/face/face-cutter.ts';

// The shared offline guard (fixtures.ts) applies: every non-loopback request fails the test.
let harness: FaceHarness;

test.beforeAll(async () => {
  harness = await startFaceHarness();
});
test.afterAll(async () => {
  await harness?.close();
});

test.beforeEach(async ({ page }) => {
  await page.goto(`${harness.url}/`);
  await page.waitForFunction(() => window.__faceReady === true, undefined, { timeout: 30_000 });
});

const centre = (b: FaceBox): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

test('finds the astronaut\'s face (and its mirror image) where BlazeFace is known to put it', async ({ page }) => {
  const initMs = await page.evaluate(() => window.__face.init());
  const face0 = await page.evaluate(() => window.__face.detect('/media/face/0.png'));
  const face1 = await page.evaluate(() => window.__face.detect('/media/face/1.png'));
  const face2 = await page.evaluate(() => window.__face.detect('/media/face/2.png'));
  console.log(`face boxes: 0 ${JSON.stringify(face0.box)}; 1 ${JSON.stringify(face1.box)}; 2 ${JSON.stringify(face2.box)}; init ${initMs.toFixed(0)} ms`);
  // 512x512 original: about x 177, y 82, 95x95; face 0 is the square (64, 0, 384) scaled to 256: x 75, y 55, 63x63.
  expect(face0.box).not.toBeNull();
  const b0 = face0.box as FaceBox;
  const [cx0, cy0] = centre(b0);
  expect(Math.abs(cx0 - 106.5)).toBeLessThan(12);
  expect(Math.abs(cy0 - 86.5)).toBeLessThan(12);
  expect(b0.width).toBeGreaterThan(45);
  expect(b0.width).toBeLessThan(85);
  expect(b0.score).toBeGreaterThan(0.8);
  const b1 = face1.box as FaceBox;
  expect(b1).not.toBeNull();
  expect(Math.abs(centre(b1)[0] - (256 - cx0))).toBeLessThan(6);
  expect(Math.abs(centre(b1)[1] - cy0)).toBeLessThan(6);
  expect(face2.box, 'the camera man (face 2) has a face too').not.toBeNull();
});

test('a generated avatar has no face, and its cut is the whole picture in a soft circle', async ({ page }) => {
  const found: string[] = [];
  for (let i = 0; i < 40; i++) {
    const { box } = await page.evaluate((u) => window.__face.detect(u), `/media/avatar/${i * 7919}.png`);
    if (box) found.push(`avatar ${i * 7919}: ${JSON.stringify(box)}`);
  }
  expect(found, 'generated avatars taken for faces').toEqual([]);
  const cut = await page.evaluate(() => window.__face.cut('/media/avatar/1.png', 'avatar 1: no face'));
  expect(cut.box).toBeNull();
  expect(cut.size).toBe(256);
  expect(cut.alphaCentre).toBe(255);
  expect(cut.alphaCorner).toBe(0);
});

test('cuts the faces out with a soft round mask (screenshot)', async ({ page }) => {
  const cuts = [];
  for (const [url, label] of [['/media/face/0.png', 'face 0'], ['/media/face/1.png', 'face 1'], ['/media/face/2.png', 'face 2'], ['/media/avatar/7.png', 'avatar 7']]) {
    cuts.push(await page.evaluate(([u, l]) => window.__face.cut(u, l), [url, label] as const));
  }
  expect(cuts.map((c) => c.box !== null)).toEqual([true, true, true, false]);
  for (const c of cuts) expect([c.alphaCentre, c.alphaCorner]).toEqual([255, 0]);
  const again = await page.evaluate(() => window.__face.cut('/media/face/0.png', 'face 0 (cached)'));
  expect(again.ms, 'a second cut of the same key comes from the cache').toBe(cuts[0].ms);
  await expect(page.locator('#cuts')).toHaveScreenshot('face-cuts.png');
});

test('measures detection time: first call, then per avatar after warm-up', async ({ page }) => {
  const initMs = await page.evaluate(() => window.__face.init());
  const first = await page.evaluate(() => window.__face.detect('/media/face/0.png'));
  const urls = ['/media/face/0.png', '/media/face/1.png', '/media/face/2.png', '/media/avatar/1.png', '/media/avatar/2.png'];
  await page.evaluate((u) => window.__face.timeDetections(u, 2), urls); // warm-up
  const times = await page.evaluate((u) => window.__face.timeDetections(u, 6), urls);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`face detection: init ${initMs.toFixed(0)} ms, first call ${first.ms.toFixed(1)} ms, warm median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms over ${times.length} calls`);
  expect(median).toBeLessThan(100);
});
