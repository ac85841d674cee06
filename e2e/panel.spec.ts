import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import WebSocket from 'ws';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { expect, startTestSimulator, test, type OverlayProbe } from './fixtures.ts';

// The control panel (simulator/panel) clicked through in real Chromium against a real simulator: what it fires
// reaches WebSocket clients and the overlay, bad input shows the API's own error and sends nothing, and the rate and
// replay controls change what the simulator emits.

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** A plain WebSocket client, like an overlay, that keeps every frame it gets. */
function listen(url: string): Promise<{ frames: Frame[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Frame[] = [];
    ws.on('message', (raw) => {
      try {
        frames.push(JSON.parse(String(raw)) as Frame);
      } catch {
        frames.push({ event: '(malformed)', data: {} });
      }
    });
    ws.once('open', () => resolve({ frames, close: () => ws.close() }));
    ws.once('error', reject);
  });
}

const REPLAY_COMMENT = 'hello from the recording';

/** A small recording in the documented format: chats every 400 ms for a minute. */
function writeRecording(dir: string): void {
  const rec = join(dir, '2025-01-01-panel-test');
  mkdirSync(rec, { recursive: true });
  const startMs = Date.UTC(2025, 0, 1, 20);
  const lines = [
    JSON.stringify({ type: 'header', format: 'tiksim-recording', version: 1, source: 'ws://127.0.0.1:21213/', startedAt: new Date(startMs).toISOString(), startMs, tool: 'tiksim 0.1.0', name: 'panel-test' }),
  ];
  for (let t = 0; t <= 60_000; t += 400) {
    const data = { emotes: [], comment: REPLAY_COMMENT, uniqueId: 'recorded_viewer', nickname: 'Recorded', msgId: String(7500000000000000000 + t), createTime: String(startMs + t), tikfinityUserId: 1, tikfinityUsername: 'test' };
    lines.push(JSON.stringify({ t, frame: JSON.stringify({ event: 'chat', data }) }));
  }
  writeFileSync(join(rec, 'events.jsonl'), lines.join('\n') + '\n');
}

async function status(sim: RunningSimulator): Promise<{ mode: string; rates: Record<string, number>; sent: { byKind: Record<string, number> } }> {
  const r = await fetch(`${sim.url}/api/status`);
  return (await r.json()) as { mode: string; rates: Record<string, number>; sent: { byKind: Record<string, number> } };
}

async function api(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** Opens the panel and waits until it shows the simulator as connected. */
async function openPanel(page: Page, sim: RunningSimulator): Promise<void> {
  await page.goto(`${sim.url}/panel/`);
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();
}

let recordingsDir = '';
let sim: RunningSimulator | undefined;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  // The panel is served from dist/panel: build it from the sources under test.
  await build({ configFile: new URL('../simulator/panel/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  recordingsDir = mkdtempSync(join(tmpdir(), 'tiksim-panel-'));
  writeRecording(recordingsDir);
});

test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

test.afterAll(() => {
  if (recordingsDir) rmSync(recordingsDir, { recursive: true, force: true });
});

test('a gift clicked in the panel reaches a WebSocket client and the overlay', async ({ page, context }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  const client = await listen(sim.wsUrl);
  let overlay: Page | null = null;
  if (existsSync(new URL('../dist/overlay/index.html', import.meta.url))) {
    overlay = await context.newPage();
    await overlay.goto(`${sim.url}/overlay/?ws=${encodeURIComponent(sim.wsUrl)}`);
    await expect.poll(() => overlay!.evaluate(() => (window as unknown as { __overlay?: OverlayProbe }).__overlay?.connected ?? false)).toBe(true);
  }
  await openPanel(page, sim);

  // Sender: an existing viewer, found through GET /api/viewers.
  await page.getByRole('button', { name: 'Pick viewer' }).click();
  const first = page.getByRole('group', { name: 'Viewers' }).getByRole('button').first();
  await expect(first).toBeVisible();
  const who = (await first.innerText()).trim().replace(/^@/, '');
  await first.click();
  await expect(page.getByText(`Next events come from @${who}`)).toBeVisible();

  // Gift: search, pick the Lion tile, send one.
  await page.getByRole('searchbox', { name: 'Search gifts' }).fill('lion');
  await page.getByRole('button', { name: /^Lion, \d+ diamonds/ }).click();
  await expect(page.getByLabel('Gift', { exact: true })).toHaveValue('Lion');
  await page.getByLabel('Gift count').fill('1');
  await page.getByRole('button', { name: 'Send gift' }).click();
  await expect(page.getByText(`✓ Lion from @${who}`)).toBeVisible();

  await expect.poll(() => client.frames.find((f) => f.event === 'gift')?.data.giftName).toBe('Lion');
  const gift = client.frames.find((f) => f.event === 'gift')!;
  expect(gift.data.uniqueId).toBe(who);

  // The live log shows it too; expanded, it sends the same event again.
  const row = page.getByRole('list', { name: 'Live log' }).locator('li[data-kind="gift"]').first();
  await expect(row).toContainText('Lion');
  await row.getByRole('button').first().click();
  await expect(row.locator('pre')).toContainText('"giftName": "Lion"');
  await row.getByRole('button', { name: 'Send again' }).click();
  await expect.poll(() => client.frames.filter((f) => f.event === 'gift' && f.data.giftName === 'Lion').length).toBe(2);

  if (overlay) {
    await expect
      .poll(() => overlay!.evaluate(() => (window as unknown as { __overlay: OverlayProbe }).__overlay.counters.gifts ?? 0), { timeout: 15_000 })
      .toBeGreaterThan(0);
  }
  client.close();
});

test('bad input shows the API error inline and sends nothing', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
  const client = await listen(sim.wsUrl);
  await openPanel(page, sim);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/events')) posts.push(r.postData() ?? '');
  });

  // A streak of 0 Roses: the server refuses it, and the panel shows the server's own message.
  const expected = await api(sim, 'POST', '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 0 }, user: { random: true } });
  expect(expected.status).toBe(400);
  const message = (expected.json.error as { message: string }).message;
  await page.getByRole('button', { name: /^Rose, 1 diamonds/ }).click();
  await page.getByLabel('Streak length').fill('0');
  await page.getByRole('button', { name: 'Send gift' }).click();
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();

  // An unknown gift: the error offers the nearest names; clicking one fixes the field.
  await page.getByLabel('Gift', { exact: true }).fill('Lon');
  await page.getByLabel('Streak length').fill('1');
  await page.getByRole('button', { name: 'Send gift' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Lon' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Lion' }).click();
  await expect(page.getByLabel('Gift', { exact: true })).toHaveValue('Lion');

  // A billion like events: refused with the server's message.
  await page.getByLabel('Events', { exact: true }).fill('1000000000');
  await page.getByRole('button', { name: 'Like burst' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'count must be' })).toBeVisible();

  // Invalid JSON never leaves the page.
  const sentBefore = posts.length;
  await page.getByRole('textbox', { name: 'Event JSON' }).fill('{"event": "envelope", "data": {');
  await page.getByRole('button', { name: 'Send JSON' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible();
  expect(posts.length).toBe(sentBefore);

  // Nothing reached the client, and the server counted no gift.
  await page.waitForTimeout(1000);
  expect(client.frames.filter((f) => f.event === 'gift')).toEqual([]);
  expect(client.frames.filter((f) => f.event === 'like')).toEqual([]);
  expect((await status(sim)).sent.byKind.gift ?? 0).toBe(0);
  client.close();
});

test('a rate slider changes what the simulator emits', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir });
  const kinds = Object.keys((await status(sim)).rates);
  expect(kinds).toContain('chat');
  // Silence everything, then turn chat up from the panel.
  expect((await api(sim, 'PUT', '/api/rates', Object.fromEntries(kinds.map((k) => [k, 0])))).status).toBe(200);
  await openPanel(page, sim);
  await page.getByRole('slider', { name: 'chat rate (events per second)' }).fill('10');
  await expect.poll(async () => (await status(sim!)).rates.chat).toBe(10);

  const client = await listen(sim.wsUrl);
  await page.waitForTimeout(2000);
  const chats = client.frames.filter((f) => f.event === 'chat').length;
  const others = client.frames.filter((f) => f.event !== 'chat' && f.event !== 'roomUser').length;
  expect(chats).toBeGreaterThanOrEqual(8);
  expect(others).toBe(0);
  client.close();
});

test('replay controls load a recording, pause it and go back to generation', async ({ page }) => {
  sim = await startTestSimulator({ chatBacklog: false, recordingsDir });
  await openPanel(page, sim);
  await expect(page.getByRole('combobox', { name: 'Recording' })).toContainText('panel-test');
  const client = await listen(sim.wsUrl);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('mode')).toHaveText('replay');
  await expect.poll(() => client.frames.filter((f) => f.data.comment === REPLAY_COMMENT).length).toBeGreaterThan(2);

  // Pause: the recording stops flowing.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  const atPause = client.frames.length;
  await page.waitForTimeout(1200);
  expect(client.frames.length).toBe(atPause);

  // Back to generation.
  await page.getByRole('button', { name: 'Back to generation' }).click();
  await expect(page.getByTestId('mode')).not.toHaveText('replay');
  await expect.poll(async () => (await status(sim!)).mode).toBe('generate');
  client.close();
});

test('the panel shows a lost simulator and reconnects when it is back', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, recordingsDir });
  const port = sim.port;
  await openPanel(page, sim);
  await sim.close();
  sim = undefined;
  await expect(page.getByRole('status', { name: /Connection: Disconnected/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' })).toBeVisible();
  sim = await startTestSimulator({ paused: true, recordingsDir, port });
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' })).toHaveCount(0);
});

test('with --token, every API call carries it, and the JSON editor sends any event kind', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir, token: 's3cret' });
  const client = await listen(`${sim.wsUrl}?token=s3cret`);
  const apiUrls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiUrls.push(r.url());
  });
  await page.goto(`${sim.url}/panel/?token=s3cret`);
  await expect(page.getByRole('status', { name: /Connection: Connected/ })).toBeVisible();

  await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption('envelope');
  await expect(page.getByRole('textbox', { name: 'Event JSON' })).toHaveValue(/"coins": 500/);
  await page.getByRole('button', { name: 'Send JSON' }).click();
  await expect.poll(() => client.frames.find((f) => f.event === 'envelope')?.data.coins).toBe(500);

  expect(apiUrls.length).toBeGreaterThan(3);
  expect(apiUrls.filter((u) => new URL(u).searchParams.get('token') !== 's3cret')).toEqual([]);
  client.close();
});
