import type { TFunction } from 'i18next';
import type { BAD_REASONS } from '../../core/contract/ratings.js';

/** 王芳（0101） / 王芳 (0101): the clerk by name where the server knows it, always with the staff number. */
export function clerkText(t: TFunction, name: string | null, number: string): string {
  return name && name !== number ? t('supervisor.clerkLabel', { name, number }) : number;
}

/** The bad-rating reasons in words, listed the way the language lists things. */
export function reasonsText(t: TFunction, reasons: readonly (typeof BAD_REASONS)[number][]): string {
  return reasons.map((r) => t(`supervisor.reasons.${r}`)).join(t('supervisor.listSeparator'));
}
