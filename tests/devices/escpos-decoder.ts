// The test oracle reads jobs back to text, QR payloads, images and cuts. It lives in
// native/printer/decode.ts because the preview printer renders with it too; it shares no code
// with the builder (escpos.ts) or the layouts, so it checks them independently.
export { columnOf, decodeEscPos, renderText, type Decoded, type DecodedImage, type DecodedItem, type DecodedLine } from '../../native/printer/decode.js';
