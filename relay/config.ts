/**
 * The relay's settings from the environment, as the webhook service's users set them: TIKTOK_USERNAME, API_KEY,
 * WEBHOOK_URL (registered at start), WEBHOOK_SECRET; from the process environment, else from a `.env` file
 * (node:util's parseEnv: `KEY=value` lines, `#` comments, quotes). Flags win over both; the environment wins over the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The variables the relay reads. */
export const ENV_NAMES = ['TIKTOK_USERNAME', 'API_KEY', 'WEBHOOK_URL', 'WEBHOOK_SECRET'] as const;

/** One of them. */
export type EnvName = (typeof ENV_NAMES)[number];

/** Values found, and where each came from (for `--help`-style messages; never the values of secrets). */
export interface EnvConfig {
  values: Partial<Record<EnvName, string>>;
  from: Partial<Record<EnvName, 'env' | '.env'>>;
}

/**
 * Reads the variables from `env` and the file (missing file: none from it). Throws when the file exists but cannot
 * be read.
 * @example loadEnvConfig(process.env, '.env').values.API_KEY
 */
export function loadEnvConfig(env: NodeJS.ProcessEnv, file: string | null): EnvConfig {
  let fromFile: Record<string, string> = {};
  if (file && existsSync(file)) {
    try {
      fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (e) {
      throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
  }
  const out: EnvConfig = { values: {}, from: {} };
  for (const n of ENV_NAMES) {
    const v = env[n];
    if (v !== undefined && v !== '') {
      out.values[n] = v;
      out.from[n] = 'env';
    } else if (fromFile[n] !== undefined && fromFile[n] !== '') {
      out.values[n] = fromFile[n];
      out.from[n] = '.env';
    }
  }
  return out;
}
