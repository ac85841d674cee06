/**
 * The built-in Twitch scenarios (checked by scenario.ts at load). Rates are events/s; what a phase leaves out keeps
 * the base rates. Kept as code rather than JSON files so the package needs no extra asset list.
 */

/** quiet, busy, hype: as written, before checking. */
export const TWITCH_SCENARIO_PRESETS_RAW = [
  {
    name: 'quiet',
    description: 'a small channel: a chat line every few seconds, a sub now and then',
    phases: [{ name: 'quiet', durationS: 3600, rates: { chat: 0.3, cheer: 0.01, sub: 0.005, resub: 0.005, subgift: 0.002, submysterygift: 0, raid: 0, announcement: 0, clearchat: 0, clearmsg: 0, roomstate: 0 } }],
  },
  {
    name: 'busy',
    description: 'a big channel on a good night: fast chat, steady cheers and subs',
    phases: [{ name: 'busy', durationS: 3600, rates: { chat: 25, cheer: 0.5, sub: 0.2, resub: 0.2, subgift: 0.1, submysterygift: 0.03, raid: 0.01, announcement: 0.02, clearchat: 0.02, clearmsg: 0.02 } }],
  },
  {
    name: 'hype',
    description: 'a loop of 2 minutes: warm-up, a raid wave, a sub train, a cheer storm, cool-down',
    loop: true,
    phases: [
      { name: 'warm-up', durationS: 20, rates: { chat: 4, cheer: 0.05, sub: 0.05, resub: 0.05 } },
      {
        // A raid lands, then a second, smaller one; the raiders flood chat.
        name: 'raid wave',
        durationS: 20,
        rates: { chat: 40, raid: 0 },
        bursts: [
          { atS: 0, kind: 'raid', params: { viewers: 1200 } },
          { atS: 9, kind: 'raid', params: { viewers: 240 } },
          { atS: 0.5, kind: 'chat', count: 30, everyMs: 60 },
        ],
      },
      {
        // One gifter starts it with a community gift, the train runs on subs and resubs a second or so apart.
        name: 'sub train',
        durationS: 30,
        rates: { chat: 15, sub: 0.5, resub: 0.5, subgift: 0.5 },
        bursts: [
          { atS: 0, kind: 'submysterygift', params: { count: 10 } },
          { atS: 2, kind: 'sub', count: 12, everyMs: 1200 },
          { atS: 2.6, kind: 'resub', count: 10, everyMs: 1500 },
        ],
      },
      {
        name: 'cheer storm',
        durationS: 20,
        rates: { chat: 20, cheer: 4 },
        bursts: [
          { atS: 0, kind: 'cheer', count: 20, everyMs: 150 },
          { atS: 10, kind: 'cheer', params: { bits: 10000, text: 'HYPE PogChamp' } },
        ],
      },
      { name: 'cool-down', durationS: 30, rates: { chat: 3, cheer: 0.05, sub: 0.03, resub: 0.03 } },
    ],
  },
] as const;
