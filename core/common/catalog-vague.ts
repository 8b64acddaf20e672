/**
 * Vague catch-all material clauses, banned by seed section 二(五): "坚决取消'其他材料''有关材料'等模糊条款".
 * A material must name the exact document.
 */
const PATTERNS: readonly RegExp[] = [
  /(其他|其它|有关|相关|等)(材料|资料)/u,
  /\b(other|relevant|related|additional|further|necessary|required)\s+(materials?|documents?|papers?)\b/iu,
  /\b(materials|documents)\s+as\s+(required|necessary|needed)\b/iu,
  /(?<!\p{L})(друг|проч|ин|соответствующ|необходим)(ие|ых|ые|ая|ое|ими)\s+(документ|материал)\p{L}*/iu,
];

/** Returns the offending clause, or null when the material name is specific. */
export function findVagueClause(name: string): string | null {
  for (const re of PATTERNS) {
    const m = re.exec(name);
    if (m) return m[0];
  }
  return null;
}
