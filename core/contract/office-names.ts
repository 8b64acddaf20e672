/**
 * Names `npm start` gives an office on one computer (server/admin/office-init.ts, assets/hall/default.json).
 * They are data, but ours: the screens say them in their own language and show the stored value as a code.
 */

/** The one terminal of the office. */
export const OFFICE_TERMINAL_NAME = 'This computer';
/** The hall of the default hall configuration. */
export const DEFAULT_HALL_CODE = 'main';
