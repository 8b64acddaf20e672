import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { hallDateTime, hallInstant } from '../common/hall-time.js';
import type { CertificateDoc, CertificateTemplate } from '../contract/certificates.js';
import { findCjkFont, fontBytes, parseFontSpec } from './font.js';
import { layoutOf, orderedFields } from './template-layout.js';
import { validityText } from './validity.js';

export interface CertificatePdfOptions {
  /** A CJK font file (`file.ttc#PostScriptName` for a collection); found by findCjkFont() when absent. */
  font?: string;
  /** 补打: the PDF carries a visible mark with the date and reason. */
  reprint?: { reason: string; at: string } | null;
  /** The hall's zone, for every printed time. */
  timeZone: string;
}

/** GB/T 36903 持证主体代码类型. */
export const HOLDER_CODE_TYPES = { '001': '统一社会信用代码', '111': '公民身份号码' } as const;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = '#1a1a1a';
const RED = '#b0171f';

/** 2026-12-01 → 2026年12月01日, as certificates write dates. */
const chineseDate = (day: string) => `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;

/**
 * The certificate on one A4 page, in Chinese as issued: border, title, the GB/T 36903 metadata and
 * the template's own fields, issuer and date, and the signed QR that verifies it. The same metadata
 * go into the document information, so archives and verifiers read them without parsing the page.
 */
export async function certificatePdf(cert: CertificateDoc, template: CertificateTemplate, opts: CertificatePdfOptions): Promise<Buffer> {
  const layout = layoutOf(template);
  const font = opts.font ? parseFontSpec(opts.font) : findCjkFont();
  const qrPng = await QRCode.toBuffer(cert.qr, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const validity = validityText(cert.validFrom, cert.validUntil, 'zh-CN');
  const codeType = HOLDER_CODE_TYPES[cert.holder.codeType];
  const createdAt = new Date(opts.reprint ? Date.parse(opts.reprint.at) : hallInstant(cert.issuedOn, '00:00', opts.timeZone));

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: MARGIN,
    autoFirstPage: true,
    info: {
      Title: cert.name,
      Subject: `${cert.name} ${cert.number} ${cert.holder.name}`,
      Keywords: [cert.identifier, cert.number, cert.typeCode, cert.holder.code].join(', '),
      Author: cert.issuer.name,
      Creator: '咨询服务处证照系统',
      CreationDate: createdAt,
      ModDate: createdAt,
      // GB/T 36903 §5.2 metadata, one custom key each.
      CertName: cert.name,
      CertTypeCode: cert.typeCode,
      CertNumber: cert.number,
      CertIdentifier: cert.identifier,
      CertIssuer: cert.issuer.name,
      CertIssuerCode: cert.issuer.code,
      CertIssuedOn: cert.issuedOn,
      CertHolder: cert.holder.name,
      CertHolderCode: cert.holder.code,
      CertHolderCodeType: cert.holder.codeType,
      CertValidFrom: cert.validFrom,
      CertValidUntil: cert.validUntil ?? '长期',
      CertVersion: String(cert.version).padStart(3, '0'),
      ...(opts.reprint ? { CertReprint: `${hallDateTime(opts.reprint.at, opts.timeZone)} ${opts.reprint.reason}` } : {}),
    } as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', fontBytes(font.file), font.family);
  doc.font('cjk').fillColor(INK);

  // A double border, as printed certificates have.
  doc.lineWidth(2.2).rect(28, 28, A4.width - 56, A4.height - 56).stroke(INK);
  doc.lineWidth(0.6).rect(36, 36, A4.width - 72, A4.height - 72).stroke(INK);

  const inner = A4.width - 2 * MARGIN;
  if (opts.reprint) {
    const text = `补打  ${hallDateTime(opts.reprint.at, opts.timeZone)}\n原因：${opts.reprint.reason}`;
    doc.fontSize(10);
    const h = doc.heightOfString(text, { width: 170 }) + 10;
    doc.lineWidth(1.2).rect(A4.width - MARGIN - 180, 46, 180, h).stroke(RED);
    doc.fillColor(RED).text(text, A4.width - MARGIN - 175, 51, { width: 170 }).fillColor(INK);
  }

  doc.fontSize(26).text(layout.title, MARGIN, 110, { width: inner, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.4).fontSize(12).text(`编号：${cert.number}`, { width: inner, align: 'center' });
  doc.moveDown(1.2);

  const row = (label: string, value: string, x: number, width: number, labelWidth = 112) => {
    const y = doc.y;
    doc.fontSize(12).text(`${label}：`, x, y, { width: labelWidth });
    const labelEnd = doc.y;
    doc.text(value || '—', x + labelWidth, y, { width: width - labelWidth });
    return Math.max(labelEnd, doc.y);
  };
  const full = (label: string, value: string) => {
    const end = row(label, value, MARGIN, inner);
    doc.x = MARGIN;
    doc.y = end + 6;
  };

  full('持证主体', cert.holder.name);
  full('持证主体代码', `${cert.holder.code}（${codeType}）`);

  // The template's own fields: in two columns when the layout asks, long ones across the page.
  const fields = orderedFields(template, cert.fields, 'zh-CN');
  const half = inner / 2;
  let pending: { label: string; value: string } | null = null;
  const flushPair = (a: { label: string; value: string }, b: { label: string; value: string } | null) => {
    const top = doc.y;
    const endA = row(a.label, a.value, MARGIN, half - 8, 90);
    let endB = endA;
    if (b) {
      doc.y = top;
      endB = row(b.label, b.value, MARGIN + half, half, 90);
    }
    doc.x = MARGIN;
    doc.y = Math.max(endA, endB) + 6;
  };
  for (const f of fields) {
    if (layout.columns === 1 || layout.wide.includes(f.key)) {
      if (pending) flushPair(pending, null);
      pending = null;
      full(f.label, f.value);
    } else if (pending) {
      flushPair(pending, f);
      pending = null;
    } else pending = f;
  }
  if (pending) flushPair(pending, null);

  full('有效期', validity);
  full('颁发机构', cert.issuer.name);
  full('颁发日期', chineseDate(cert.issuedOn));
  doc.moveDown(0.4);
  doc.fontSize(9).fillColor('#444');
  doc.text(`证照类型代码：${cert.typeCode}`, MARGIN, doc.y, { width: inner });
  doc.text(`证照标识：${cert.identifier}`, MARGIN, doc.y, { width: inner });
  doc.fillColor(INK);

  // Foot: the signed QR on the left with its caption, issuer and date on the right (where the seal goes).
  const qrSize = 132;
  const footY = A4.height - MARGIN - qrSize - 34;
  doc.image(qrPng, MARGIN, footY, { width: qrSize, height: qrSize });
  doc.fontSize(9).text('扫描二维码验证本证照真伪（自助终端“验证证照”或发证机关公开验证页）', MARGIN, footY + qrSize + 4, { width: 230 });
  doc.fontSize(14).text(cert.issuer.name, MARGIN + inner - 260, footY + 40, { width: 260, align: 'center' });
  doc.moveDown(0.5).fontSize(13).text(chineseDate(cert.issuedOn), MARGIN + inner - 260, doc.y, { width: 260, align: 'center' });

  doc.end();
  return done;
}
