/** simulator/media: the images the simulator serves (avatars, face photos, gift icons, emotes, badge, placeholder). */
export { createMediaHandler, lookupMedia, placeholderPng, MAX_AVATAR_INDEX, MAX_AVATAR_VARIANT, type MediaHandlerOptions } from './handler.ts';
export { renderAvatar, AVATAR_SIZE } from './avatar.ts';
export { renderGift, renderGiftPng, giftSvg, giftIcons, giftTier, GIFT_SIZE } from './gift.ts';
export { renderEmote, EMOTE_COUNT, EMOTE_SIZE } from './emote.ts';
export { renderTopGifterBadge, renderPlaceholder } from './misc.ts';
export { loadFace, mirrorPng, FACE_COUNT } from './faces.ts';
export { encodePng, decodePng } from './png.ts';
export { Lru } from './lru.ts';
