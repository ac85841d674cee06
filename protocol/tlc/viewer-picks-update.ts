import { z } from 'zod';
import { tlcMessage } from './common.ts';

/**
 * viewerPicksUpdate: viewer picks (viewers choose what comes next) updated. TLC v2.5 emits the decoded WebcastViewerPicksUpdateMessage.
 * Sample:
 * ```json
 * {"common":{"method":"WebcastViewerPicksUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"updateType":1}
 * ```
 */
export const viewerPicksUpdateTlcSchema = tlcMessage({
  updateType: z.number(),
});

/** viewerPicksUpdate's TLC-style data. */
export type ViewerPicksUpdateTlcData = z.infer<typeof viewerPicksUpdateTlcSchema>;

/** A realistic viewerPicksUpdate (the sample above). */
export const viewerPicksUpdateTlcExample: ViewerPicksUpdateTlcData = {"common":{"method":"WebcastViewerPicksUpdateMessage","msgId":"7515589580092050207","roomId":"7515581234567890123","createTime":"1749859560559","isShowMsg":true},"updateType":1};
