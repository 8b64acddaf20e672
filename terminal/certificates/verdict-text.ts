import type { Lang, Verdict } from '../../core/contract/index.js';

/** A verdict as `npm run verify -- certificate` prints it, in the language of LANG. */

type Words = {
  verdict: Record<Verdict['verdict'], string>;
  revoked: (on: string, reason: string) => string;
  superseded: (by: string) => string;
  fields: { identifier: string; name: string; number: string; holder: string; issuer: string; validity: string; openEnded: string; key: string };
};

const WORDS: Record<Lang, Words> = {
  'zh-CN': {
    verdict: {
      genuine: '真实有效',
      revoked: '已撤销',
      superseded: '已换发新版本，此版本不再有效',
      forged: '伪造或被篡改：签名与内容不符',
      unknown_issuer: '签名密钥不在已知密钥列表中（未知签发者）',
      unreadable: '无法识别：这不是证照二维码的内容',
    },
    revoked: (on, reason) => `撤销日期 ${on}，原因：${reason}`,
    superseded: (by) => `新版本标识：${by}`,
    fields: { identifier: '证照标识', name: '证照名称', number: '证照编号', holder: '持证主体', issuer: '颁发机构', validity: '有效期', openEnded: '长期', key: '签名密钥' },
  },
  en: {
    verdict: {
      genuine: 'Genuine',
      revoked: 'Revoked',
      superseded: 'Superseded by a newer version; this version is no longer valid',
      forged: 'Forged or altered: the signature does not match the content',
      unknown_issuer: 'Signed with a key that is not on the list of known keys (unknown issuer)',
      unreadable: 'Not readable: this is not the content of a certificate QR code',
    },
    revoked: (on, reason) => `revoked on ${on}, reason: ${reason}`,
    superseded: (by) => `newer version: ${by}`,
    fields: { identifier: 'Identifier', name: 'Certificate', number: 'Number', holder: 'Holder', issuer: 'Issued by', validity: 'Valid', openEnded: 'no end date', key: 'Signing key' },
  },
  ru: {
    verdict: {
      genuine: 'Подлинный',
      revoked: 'Отозван',
      superseded: 'Заменён новой версией; эта версия недействительна',
      forged: 'Подделан или изменён: подпись не соответствует содержимому',
      unknown_issuer: 'Подписан ключом, которого нет в списке известных ключей (неизвестный выдавший орган)',
      unreadable: 'Не распознано: это не содержимое QR-кода документа',
    },
    revoked: (on, reason) => `отозван ${on}, причина: ${reason}`,
    superseded: (by) => `новая версия: ${by}`,
    fields: { identifier: 'Идентификатор', name: 'Документ', number: 'Номер', holder: 'Владелец', issuer: 'Выдан', validity: 'Действует', openEnded: 'бессрочно', key: 'Ключ подписи' },
  },
};

/** LANG=en_US.UTF-8 → en, ru_RU… → ru, anything else → zh-CN. */
export function cliLang(env: string | undefined): Lang {
  const l = (env ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('ru')) return 'ru';
  return 'zh-CN';
}

export function verdictText(v: Verdict, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.verdict[v.verdict]];
  if (v.revoked) lines.push(`  ${w.revoked(v.revoked.on, v.revoked.reason)}`);
  if (v.supersededBy) lines.push(`  ${w.superseded(v.supersededBy)}`);
  if (v.identifier) lines.push(`  ${w.fields.identifier}: ${v.identifier}`);
  const c = v.certificate;
  if (c) {
    lines.push(`  ${w.fields.name}: ${c.name}`, `  ${w.fields.number}: ${c.number}`, `  ${w.fields.holder}: ${c.holderName}`, `  ${w.fields.issuer}: ${c.issuer}`);
    lines.push(`  ${w.fields.validity}: ${c.validFrom} – ${c.validUntil ?? w.fields.openEnded}`);
  }
  if (v.keyId) lines.push(`  ${w.fields.key}: ${v.keyId}`);
  return lines.join('\n');
}
