import type { Lang } from '../contract/common.js';
import { hallDateTime } from '../common/hall-time.js';

/** Words of the certificate desk that slips and messages share: where a hand-over took place, when. */

const COUNTER: Record<Lang, (no: string) => string> = {
  'zh-CN': (no) => `${no}号窗口`,
  en: (no) => `counter ${no}`,
  ru: (no) => `окно ${no}`,
};
const KIOSK: Record<Lang, string> = { 'zh-CN': '自助终端', en: 'the self-service kiosk', ru: 'киоск самообслуживания' };

/** Where a hand-over took place, as a visitor reads it: a counter number, or 'kiosk'. */
export const KIOSK_COUNTER = 'kiosk';
export const counterLabel = (counter: string, lang: Lang) => (counter === KIOSK_COUNTER ? KIOSK[lang] : COUNTER[lang](counter));

/** "2026-12-02 10:05" in the hall's zone, for messages. */
export const hallTimeText = (at: string, timeZone: string) => hallDateTime(at, timeZone);
