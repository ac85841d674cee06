import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvConfig } from './config.ts';

describe('relay config from the environment and .env', () => {
  it('reads .env, and the environment wins over it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tiksim-env-')), '.env');
    writeFileSync(file, '# the service\'s names\nTIKTOK_USERNAME=lena.draws\nAPI_KEY="from file"\nWEBHOOK_URL=http://127.0.0.1:3000/hook\nOTHER=x\n');
    const c = loadEnvConfig({ API_KEY: 'from env' }, file);
    expect(c.values).toEqual({ TIKTOK_USERNAME: 'lena.draws', API_KEY: 'from env', WEBHOOK_URL: 'http://127.0.0.1:3000/hook' });
    expect(c.from).toEqual({ TIKTOK_USERNAME: '.env', API_KEY: 'env', WEBHOOK_URL: '.env' });
  });

  it('is empty without a file or variables', () => {
    expect(loadEnvConfig({}, join(tmpdir(), 'no-such-dir-tiksim', '.env'))).toEqual({ values: {}, from: {} });
  });
});
