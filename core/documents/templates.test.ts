import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutOf, orderedFields } from './template-layout.js';
import { loadTemplates } from './templates.js';

const catalog = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/catalog/commerce.json'), 'utf8')) as {
  procedures: { code: string; result: { 'zh-CN': string } | null }[];
};

/** 《技术进口合同登记证》或《技术出口合同登记证》 → the names it allows, without 《》 and a closing 书. */
const bare = (name: string) => name.replace(/[《》]/g, '').replace(/书$/, '');
const alternatives = (result: string) => result.split('或').map(bare);
// One template serves both directions of a contract: 技术进出口… stands for 技术进口… and 技术出口….
const readings = (name: string) => (name.includes('进出口') ? [name.replace('进出口', '进口'), name.replace('进出口', '出口')] : [name]).map(bare);

describe('certificate templates (assets/certificates)', () => {
  const templates = loadTemplates();

  it('holds the five types the hall issues, A4 and slip, with labels in three languages', () => {
    expect([...templates.keys()].sort()).toEqual(['auction-licence', 'labour-cooperation', 'overseas-investment', 'prepaid-card-filing', 'technology-contract']);
    expect(templates.get('prepaid-card-filing')).toMatchObject({ medium: 'slip', selfService: true, name: '单用途商业预付卡备案回执' });
    for (const id of ['auction-licence', 'labour-cooperation', 'overseas-investment', 'technology-contract']) expect(templates.get(id)).toMatchObject({ medium: 'a4', selfService: false });
    for (const t of templates.values()) {
      expect(t.fields.length, t.id).toBeGreaterThanOrEqual(5);
      for (const f of t.fields) for (const lang of ['zh-CN', 'en', 'ru'] as const) expect(f.label[lang].trim(), `${t.id}.${f.key} ${lang}`).not.toBe('');
    }
  });

  it('each names a catalog procedure whose result document it is', () => {
    for (const t of templates.values()) {
      const procedure = catalog.procedures.find((p) => p.code === t.procedureId);
      expect(procedure, `${t.id}: ${t.procedureId}`).toBeDefined();
      const allowed = alternatives(procedure!.result!['zh-CN']);
      for (const name of readings(t.name)) expect(allowed.some((a) => name.endsWith(a)), `${t.id}: ${name} vs ${allowed.join(' / ')}`).toBe(true);
    }
  });

  it('carries the fields the real certificates carry', () => {
    const labels = (id: string) => templates.get(id)!.fields.map((f) => f.label['zh-CN']);
    expect(labels('labour-cooperation')).toEqual(expect.arrayContaining(['法定代表人', '注册资本', '住所', '经营范围']));
    expect(labels('auction-licence')).toEqual(expect.arrayContaining(['法定代表人', '注册资本', '住所', '拍卖师人数']));
    expect(labels('overseas-investment')).toEqual(expect.arrayContaining(['境外企业名称', '国家（地区）', '投资总额', '中方投资额', '经营范围']));
    expect(labels('technology-contract')).toEqual(expect.arrayContaining(['合同号', '合同名称', '技术供方', '技术受方', '合同金额', '技术类型']));
    expect(labels('prepaid-card-filing')).toEqual(expect.arrayContaining(['企业类型', '发卡规模']));
  });

  it('every layout places each field once, and lists them in its order, leaving out an empty optional one', () => {
    for (const t of templates.values()) expect(() => layoutOf(t), t.id).not.toThrow();
    const auction = templates.get('auction-licence')!;
    const fields = orderedFields(auction, { legalRepresentative: '李明', registeredCapital: '500 万元', domicile: '哈尔滨', auctioneers: '3', auctionScope: '一般物品' }, 'en');
    expect(fields.map((f) => f.label)).toEqual(['Legal representative', 'Registered capital', 'Licensed auctioneers', 'Domicile', 'Auction business scope']);
  });

  it('refuses a layout that forgets a field or names one that does not exist', () => {
    const t = templates.get('prepaid-card-filing')!;
    expect(() => layoutOf({ ...t, layout: { ...t.layout, order: ['enterpriseType'] } })).toThrow(/issuanceScale/);
    expect(() => layoutOf({ ...t, layout: { ...t.layout, order: [...(t.layout.order as string[]), 'nope'] } })).toThrow(/unknown fields nope/);
    expect(() => layoutOf({ ...t, layout: { order: ['enterpriseType'] } })).toThrow(/title/);
  });

  it('a template file that does not parse names itself', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ id: 'broken', name: '证', procedureId: 'X', medium: 'fax', fields: [] }));
    expect(() => loadTemplates(dir)).toThrow(/broken\.json: medium/);
  });
});
