import { z } from 'zod';
import type { CertificateTemplate } from '../contract/certificates.js';

/**
 * What a template's `layout` tells the builders: the title as printed, the order of its own fields,
 * and, on A4, how many columns they take and which of them (long texts) span the whole width.
 */
export const TemplateLayout = z.strictObject({
  title: z.string().min(1),
  order: z.array(z.string()).min(1),
  columns: z.union([z.literal(1), z.literal(2)]).default(1),
  wide: z.array(z.string()).default([]),
});
export type TemplateLayout = z.infer<typeof TemplateLayout>;

/** The template's layout, checked against its fields: every field placed exactly once, nothing unknown. */
export function layoutOf(template: CertificateTemplate): TemplateLayout {
  const parsed = TemplateLayout.safeParse(template.layout);
  if (!parsed.success) throw new Error(`Template ${template.id}: layout ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const keys = template.fields.map((f) => f.key);
  const { order, wide } = parsed.data;
  const unknown = [...order, ...wide].filter((k) => !keys.includes(k));
  if (unknown.length) throw new Error(`Template ${template.id}: layout names unknown fields ${unknown.join(', ')}`);
  const missing = keys.filter((k) => order.filter((o) => o === k).length !== 1);
  if (missing.length) throw new Error(`Template ${template.id}: layout.order must place each field once; not so for ${missing.join(', ')}`);
  return parsed.data;
}

/** The template's own fields with their values, in layout order; a missing optional field is left out. */
export function orderedFields(template: CertificateTemplate, values: Record<string, string>, lang: 'zh-CN' | 'en' | 'ru'): { key: string; label: string; value: string }[] {
  const { order } = layoutOf(template);
  return order.flatMap((key) => {
    const field = template.fields.find((f) => f.key === key)!;
    const value = values[key]?.trim() ?? '';
    if (!value && !field.required) return [];
    return [{ key, label: field.label[lang], value }];
  });
}
