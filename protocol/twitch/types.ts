/**
 * Twitch chat's names: capabilities, the server's host name, commands, USERNOTICE kinds, sub plans, and the tags each
 * message carries (in the order Twitch sends them). Real lines, from dev.twitch.tv/docs/irc (tags, commands), sit
 * above the types; irc-line.test.ts and types.test.ts parse exactly these.
 */

/** The server name in every server-sent prefix: `:tmi.twitch.tv 001 ...`. */
export const TMI_HOST = 'tmi.twitch.tv';

/** Capabilities Twitch ACKs. Names are case-sensitive: `twitch.tv/Commands` gets a NAK. */
export const TWITCH_CAPABILITIES = ['twitch.tv/tags', 'twitch.tv/commands', 'twitch.tv/membership'] as const;
/** One of Twitch's capability names. */
export type TwitchCapability = (typeof TWITCH_CAPABILITIES)[number];

/** True for a capability name Twitch knows, spelled exactly (case-sensitive). */
export function isTwitchCapability(name: string): name is TwitchCapability {
  return (TWITCH_CAPABILITIES as readonly string[]).includes(name);
}

/** Anonymous, read-only logins: `justinfan` and digits (tmi.js and twurple pick `justinfan<random>`). */
export function isAnonymousLogin(nick: string): boolean {
  return /^justinfan\d+$/.test(nick);
}

/** `#Channel` or `channel` → `channel` (Twitch channel names are the broadcaster's lower-case login). */
export function channelLogin(name: string): string {
  return (name.startsWith('#') ? name.slice(1) : name).toLowerCase();
}

/** USERNOTICE `msg-id`s the fake generates (Twitch has more: giftpaidupgrade, ritual, bitsbadgetier, ...). */
export const USERNOTICE_KINDS = ['sub', 'resub', 'subgift', 'submysterygift', 'raid', 'announcement'] as const;
/** One of the USERNOTICE kinds above. */
export type UsernoticeKind = (typeof USERNOTICE_KINDS)[number];

/** `msg-param-sub-plan`: Prime, or tier 1/2/3 as 1000/2000/3000. */
export const SUB_PLANS = ['Prime', '1000', '2000', '3000'] as const;
/** One sub plan. */
export type SubPlan = (typeof SUB_PLANS)[number];

/** `user-type`: empty for a normal user. */
export type UserType = '' | 'mod' | 'admin' | 'global_mod' | 'staff';

/** `0` or `1`, as Twitch writes flags. */
export type Flag = '0' | '1';

/** Tags common to PRIVMSG and USERNOTICE: who sent it, and where. */
export interface SenderTags {
  'badge-info': string;
  badges: string;
  color: string;
  'display-name': string;
  emotes: string;
  id: string;
  mod: Flag;
  'room-id': string;
  subscriber: Flag;
  'tmi-sent-ts': string;
  turbo: Flag;
  'user-id': string;
  'user-type': UserType;
}

/**
 * A chat message's tags.
 * `@badge-info=;badges=broadcaster/1;client-nonce=997dcf443c31e258c1d32a8da47b6936;color=#0000FF;display-name=abc;emotes=;first-msg=0;flags=0-6:S.7;id=eb24e920-8065-492a-8aea-266a00fc5126;mod=0;room-id=713936733;subscriber=0;tmi-sent-ts=1642786203573;turbo=0;user-id=713936733;user-type= :abc!abc@abc.tmi.twitch.tv PRIVMSG #xyz :HeyGuys`
 * A cheer adds `bits` (sorted in after `badges`), and the text holds cheermotes:
 * `@badge-info=;badges=staff/1,bits/1000;bits=100;color=;display-name=ronni;emotes=;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=0;room-id=12345678;subscriber=0;tmi-sent-ts=1507246572675;turbo=1;user-id=12345678;user-type=staff :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #ronni :cheer100`
 */
export interface PrivmsgTags extends SenderTags {
  bits?: string;
  'client-nonce'?: string;
  'first-msg': Flag;
  flags: string;
  'returning-chatter'?: Flag;
}

/**
 * A USERNOTICE's tags: the sender's, plus `login`, `msg-id`, `msg-param-*` and `system-msg`.
 * `@badge-info=;badges=staff/1,broadcaster/1,turbo/1;color=#008000;display-name=ronni;emotes=;id=db25007f-7a18-43eb-9379-80131e44d633;login=ronni;mod=0;msg-id=resub;msg-param-cumulative-months=6;msg-param-streak-months=2;msg-param-should-share-streak=1;msg-param-sub-plan=Prime;msg-param-sub-plan-name=Prime;room-id=12345678;subscriber=1;system-msg=ronni\shas\ssubscribed\sfor\s6\smonths!;tmi-sent-ts=1507246572675;turbo=1;user-id=87654321;user-type=staff :tmi.twitch.tv USERNOTICE #dallas :Great stream -- keep it up!`
 * `@badge-info=;badges=staff/1,premium/1;color=#0000FF;display-name=TWW2;emotes=;id=e9176cd8-5e22-4684-ad40-ce53c2561c5e;login=tww2;mod=0;msg-id=subgift;msg-param-months=1;msg-param-recipient-display-name=Mr_Woodchuck;msg-param-recipient-id=55554444;msg-param-recipient-name=mr_woodchuck;msg-param-sub-plan-name=House\sof\sNyoro~n;msg-param-sub-plan=1000;room-id=12345678;subscriber=0;system-msg=TWW2\sgifted\sa\sTier\s1\ssub\sto\sMr_Woodchuck!;tmi-sent-ts=1521159445153;turbo=0;user-id=87654321;user-type=staff :tmi.twitch.tv USERNOTICE #forstycup`
 * `@badge-info=;badges=turbo/1;color=#9ACD32;display-name=TestChannel;emotes=;id=3d830f12-795c-447d-af3c-ea05e40fbddb;login=testchannel;mod=0;msg-id=raid;msg-param-displayName=TestChannel;msg-param-login=testchannel;msg-param-viewerCount=15;room-id=33332222;subscriber=0;system-msg=15\sraiders\sfrom\sTestChannel\shave\sjoined\n!;tmi-sent-ts=1507246572675;turbo=1;user-id=123456;user-type= :tmi.twitch.tv USERNOTICE #othertestchannel`
 * The docs' subgift sample says `msg-param-recipient-name`; live traffic (and tmi.js, twurple) use
 * `msg-param-recipient-user-name`, which the fake sends.
 */
export interface UsernoticeTags extends SenderTags {
  login: string;
  'msg-id': UsernoticeKind | (string & {});
  'system-msg': string;
  [param: `msg-param-${string}`]: string;
}

/**
 * A chat cleared (no login) or one user timed out (`ban-duration` seconds) or banned (no `ban-duration`).
 * `@ban-duration=350;room-id=12345678;target-user-id=87654321;tmi-sent-ts=1642719320727 :tmi.twitch.tv CLEARCHAT #dallas :ronni`
 */
export interface ClearchatTags {
  'ban-duration'?: string;
  'room-id': string;
  'target-user-id'?: string;
  'tmi-sent-ts': string;
}

/**
 * One message deleted; the trailing text is the deleted message.
 * `@login=foo;room-id=;target-msg-id=94e6c7ff-bf98-4faa-af5d-7ad633a158a9;tmi-sent-ts=1642720582342 :tmi.twitch.tv CLEARMSG #bar :what a great day`
 */
export interface ClearmsgTags {
  login: string;
  'room-id': string;
  'target-msg-id': string;
  'tmi-sent-ts': string;
}

/**
 * The room's settings: all of them on JOIN, only the changed one afterwards.
 * `@emote-only=0;followers-only=-1;r9k=0;room-id=12345678;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #bar`
 * `@room-id=12345678;slow=10 :tmi.twitch.tv ROOMSTATE #dallas`
 */
export interface RoomstateTags {
  'emote-only'?: Flag;
  /** Minutes a user must have followed; -1 = off. */
  'followers-only'?: string;
  r9k?: Flag;
  'room-id': string;
  /** Seconds between a user's messages; 0 = off. */
  slow?: string;
  'subs-only'?: Flag;
}

/**
 * Sent once after login (with the tags capability).
 * `@badge-info=subscriber/8;badges=subscriber/6;color=#0D4200;display-name=dallas;emote-sets=0,33,50,237,793,2126,3517,4578,5569,9400,10337,12239;turbo=0;user-id=12345678;user-type=admin :tmi.twitch.tv GLOBALUSERSTATE`
 */
export interface GlobaluserstateTags {
  'badge-info': string;
  badges: string;
  color: string;
  'display-name': string;
  'emote-sets': string;
  turbo: Flag;
  'user-id': string;
  'user-type': UserType;
}

/**
 * Sent on JOIN and after each of the client's own PRIVMSGs.
 * `@badge-info=;badges=staff/1;color=#0D4200;display-name=ronni;emote-sets=0,33,50,237,793,2126,3517,4578,5569,9400,10337,12239;mod=1;subscriber=1;turbo=1;user-type=staff :tmi.twitch.tv USERSTATE #dallas`
 */
export interface UserstateTags {
  'badge-info': string;
  badges: string;
  color: string;
  'display-name': string;
  'emote-sets': string;
  mod: Flag;
  subscriber: Flag;
  turbo: Flag;
  'user-type': UserType;
}
