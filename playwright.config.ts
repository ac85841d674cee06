import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when present (CI installs it; Playwright's own download cannot work offline), else Playwright's.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.TIKSIM_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
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
      // SwiftShader and Skia pick code paths by CPU features and Debian updates Chromium often (BROWSER-AND-FACES.md):
      // allow a little anti-aliasing noise per pixel (threshold) and at most 0.2% of pixels differing. A moved or
      // missing alert changes far more than that: a 40x40 block alone is 0.08% of 1080x1920, an alert is ~3%.
      threshold: 0.15,
      maxDiffPixelRatio: 0.002,
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
