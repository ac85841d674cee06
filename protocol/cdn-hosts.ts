/**
 * TikTok's image CDNs, as seen in real frames (profilePictureUrl p16-sign.tiktokcdn-us.com,
 * p16-pu-sign-useast8.tiktokcdn-us.com; giftPictureUrl p16/p19-webcast.tiktokcdn.com) plus TikTok's other regional
 * and ByteDance image hosts. The one list both the image proxy and the recorder's media capture fetch from.
 */
export const TIKTOK_CDN_HOSTS: readonly RegExp[] = [
  /^([a-z0-9-]+\.)*tiktokcdn\.com$/,
  /^([a-z0-9-]+\.)*tiktokcdn-us\.com$/,
  /^([a-z0-9-]+\.)*tiktokcdn-eu\.com$/,
  /^([a-z0-9-]+\.)*ibyteimg\.com$/,
  /^([a-z0-9-]+\.)*muscdn\.com$/,
];

/** True when a hostname (no port) is one of TikTok's image CDNs. */
export function isTikTokCdnHost(hostname: string, hosts: readonly RegExp[] = TIKTOK_CDN_HOSTS): boolean {
  const h = hostname.toLowerCase();
  return hosts.some((r) => r.test(h));
}
