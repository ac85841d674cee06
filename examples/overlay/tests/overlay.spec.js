import { pathToFileURL } from 'node:url';
import { test, expect } from 'tiksim/playwright';

// Each test gets its own simulator (`sim`), and the page's ws://localhost:21213/ goes to it.
test.use({ simOptions: { seed: 1, paused: true, config: null } });

const overlay = pathToFileURL(new URL('../index.html', import.meta.url).pathname).href;

test.beforeEach(async ({ page }) => {
  await page.goto(overlay);
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'true');
});

test('a Lion gets its card', async ({ page, sim }) => {
  await sim.fire({ event: 'gift', data: { giftName: 'Lion' }, user: { nickname: 'Ana' } });
  const card = page.locator('.gift', { hasText: 'Lion' });
  await expect(card).toContainText('Ana');
  await expect(card.locator('.count')).toHaveText('x1');
});

test('a Rose streak settles at x5', async ({ page, sim }) => {
  const sent = await sim.fire({ event: 'gift', data: { giftName: 'Rose', repeatCount: 5 } });
  expect(sent.frames).toHaveLength(6); // five taps and the repeatEnd frame
  const card = page.locator('.gift', { hasText: 'Rose' });
  await expect(card.locator('.count')).toHaveText('x5');
  await expect(card).toHaveAttribute('data-settled', 'true');
  await expect(page.locator('.gift')).toHaveCount(1);
});

test('reconnects after the connection drops, and shows what comes next', async ({ page, sim }) => {
  sim.faults.disconnect();
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'false');
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'true');
  await sim.waitForClients(1);
  await sim.fire({ event: 'chat', data: { comment: 'back again' } });
  await expect(page.locator('.chat', { hasText: 'back again' })).toBeVisible();
});

test('under Playwright\'s fake clock: frames still arrive, and the page\'s timers move only when told', async ({ page, sim }) => {
  await page.clock.install();
  await page.reload();
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'true');
  await sim.fire({ event: 'gift', data: { giftName: 'Lion' } });
  await expect(page.locator('.gift', { hasText: 'Lion' })).toBeVisible();
  sim.faults.disconnect();
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'false');
  await page.clock.runFor(1000); // the overlay's reconnect timer
  await expect(page.locator('#status')).toHaveAttribute('data-connected', 'true');
});
