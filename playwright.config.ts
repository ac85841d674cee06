import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when present (CI installs it; Playwright's own download cannot work offline), else Playwright's.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.TIKSIM_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Builds dist/overlay when it is missing, so no spec skips or 404s on an unbuilt overlay.
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores: each test starts its own simulator and browser page; two workers keep the suite well under 3 minutes.
  workers: 2,
  timeout: 60_000,
  reporter: 'list',
  expect: {
    timeout: 10_000,
    toHaveScreenshot: {
      // Runs here are pixel-identical (Phaser under the fake clock, BROWSER-AND-FACES.md), but SwiftShader and Skia pick
      // code paths by CPU features and Debian updates Chromium often: allow anti-aliasing noise in colour (threshold
      // 0.1 of the YIQ distance) on at most 150 pixels. An alert moved by a single pixel changes the pixels along all
      // of its edges, 1,000 or more for the smallest card, so it still fails.
      threshold: 0.1,
      maxDiffPixels: 150,
      animations: 'allow',
      caret: 'hide',
    },
  },
  use: {
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    viewport: { width: 1080, height: 1920 },
    deviceScaleFactor: 1,
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
