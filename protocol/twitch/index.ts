/** Twitch chat (IRC) on the wire: one line's parser and serializer, tag escaping, emotes, badges, cheers, names. */
export * from './tags.ts';
export * from './irc-line.ts';
export * from './line-splitter.ts';
export * from './emotes.ts';
export * from './badges.ts';
export * from './cheers.ts';
export * from './types.ts';
export * from './samples.ts';
