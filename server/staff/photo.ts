import sharp from 'sharp';

/** Larger files are refused before they are decoded. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** What the screens get: a portrait 3:4 like an ID photo, small enough to sync to every counter. */
export const PHOTO_WIDTH = 240;
export const PHOTO_HEIGHT = 320;

export class PhotoError extends Error {
  constructor(readonly reason: 'too-big' | 'not-an-image') {
    super(reason === 'too-big' ? `The photo file is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB; use a smaller one.` : 'The file is not an image (JPEG, PNG, WebP, GIF, TIFF or AVIF).');
  }
}

/**
 * The administrator's image file as the photo the screens show: turned upright by its EXIF
 * orientation, cut to 3:4 around its centre, 240×320 JPEG, with no metadata kept (no EXIF, no GPS).
 */
export async function preparePhoto(file: Buffer): Promise<Buffer> {
  if (file.length > PHOTO_MAX_BYTES) throw new PhotoError('too-big');
  try {
    // A decompression bomb is refused by sharp's pixel limit (limitInputPixels) like any broken file.
    return await sharp(file, { failOn: 'error' }).rotate().resize(PHOTO_WIDTH, PHOTO_HEIGHT, { fit: 'cover' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  } catch {
    throw new PhotoError('not-an-image');
  }
}
