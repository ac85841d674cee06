import { readFileSync } from 'node:fs';
import { configSchema, type ConfigData } from '../../protocol/index.ts';

/** The Actions & Events setup shipped with tiksim (like TikFinity's sample), sent on connect by default. */
export const DEFAULT_CONFIG_PATH = new URL('./default-config.json', import.meta.url).pathname;

/**
 * Reads and validates a `config` frame's data from a file. Throws an Error that names the file and the bad field.
 */
export function loadConfigFile(path: string): ConfigData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`config file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  // Accept either the data object or a whole frame {"event":"config","data":{...}} as captured from TikFinity.
  if (raw && typeof raw === 'object' && 'event' in raw && 'data' in raw) raw = (raw as { data: unknown }).data;
  const r = configSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`config file ${path}: ${i?.path.join('.') || 'data'}: ${i?.message}; expected {"events":[{type, enabled, trigger, actions}]}`);
  }
  return r.data;
}

/** A copy of `cfg` whose relative image URLs (`/media/...`) point at `mediaBase`, so overlays can load them. */
export function absolutizeConfig(cfg: ConfigData, mediaBase: string): ConfigData {
  return {
    ...cfg,
    events: cfg.events.map((rule) => {
      const url = rule.trigger.imageUrl;
      return typeof url === 'string' && url.startsWith('/') ? { ...rule, trigger: { ...rule.trigger, imageUrl: `${mediaBase}${url}` } } : rule;
    }),
  };
}
