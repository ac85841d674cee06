import type { CatalogGift } from '../../protocol/index.ts';

/** The per-gift JSON fragments, computed once per gift and engine. */
export interface GiftParts {
  readonly gift: CatalogGift;
  /** `{"event":"gift","data":{"giftId":5655,"repeatCount":` */
  readonly head: string;
  /** `,"gift":{"gift_id":5655,"repeat_count":` */
  readonly nested: string;
  /** `,"gift_type":1},"describe":…,"giftPictureUrl":"…","timestamp":` */
  readonly info: string;
  /** `,"receiverUserId":"…","originalName":…,"originalDescribe":…` */
  readonly after: string;
}
