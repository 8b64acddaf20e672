import type { Lang } from '../contract/common.js';

const WORDS: Record<Lang, { range: (from: string, until: string) => string; open: (from: string) => string }> = {
  'zh-CN': { range: (from, until) => `${from} 至 ${until}`, open: (from) => `自 ${from} 起长期有效` },
  en: { range: (from, until) => `${from} to ${until}`, open: (from) => `From ${from}, no end date` },
  ru: { range: (from, until) => `с ${from} по ${until}`, open: (from) => `С ${from}, бессрочно` },
};

/** 有效期 as printed: from and until, or 长期 (no end) when `until` is null. */
export function validityText(from: string, until: string | null, lang: Lang): string {
  return until === null ? WORDS[lang].open(from) : WORDS[lang].range(from, until);
}
