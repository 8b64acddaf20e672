import type { Migration } from '../migrate.js';

/**
 * Placeholder on the s7-c branch only: version 19 is reserved for issue 12 part A, whose step replaces
 * this file when the branches are merged (migrations must be contiguous, so part C's 0020 needs one).
 */
export const m0019: Migration = {
  version: 19,
  name: 'reserved',
  up() {},
};
