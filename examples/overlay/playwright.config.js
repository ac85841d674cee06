import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// On a machine with Debian's Chromium (CI images, servers), use it; elsewhere Playwright's own (npx playwright install).
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/results.json' }]] : 'list',
  use: {
    launchOptions: chromium ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] } : {},
  },
});
