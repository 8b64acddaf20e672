/** Legal-form endings kept visible, longest first, so a visitor still recognises their own enterprise. */
const ENDINGS = ['股份有限公司', '有限责任公司', '有限公司', '合作社', '事务所', '公司', '中心', '集团', '商行', '工厂', '厂', '店'];

/**
 * An enterprise's name as shown to someone who has not proven it is theirs: the first two characters,
 * "**" and its legal form (华夏进出口有限公司 → 华夏**有限公司); never its length or its middle.
 */
export function maskEnterprise(name: string): string {
  const chars = [...name.trim()];
  const ending = ENDINGS.find((e) => name.trim().endsWith(e) && chars.length > [...e].length) ?? '';
  const rest = chars.length - [...ending].length;
  return `${chars.slice(0, Math.min(2, Math.max(1, rest - 1))).join('')}**${ending}`;
}

/**
 * A person's name as shown on screens and printed slips: first and last character kept, the middle
 * starred (张三丰 → 张*丰, 欧阳娜娜 → 欧**娜); a two-character name keeps its first (张三 → 张*).
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** An ID document number with only its last four characters shown (the hand-over log keeps no more). Masking twice changes nothing. */
export function maskIdNumber(id: string): string {
  const chars = [...id.trim()];
  return `${'*'.repeat(Math.max(0, chars.length - 4))}${chars.slice(-4).join('')}`;
}

/** A phone number with only its last four digits shown (138****5678). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `${digits.slice(0, Math.min(3, digits.length - 4))}****${digits.slice(-4)}`;
}

/** A certificate holder's code as terminals, slips and screens show it: a citizen's ID number (111) masked, an enterprise's credit code as it is. */
export const holderCodeShown = (code: string, codeType: string) => (codeType === '111' ? maskIdNumber(code) : code);
