import type { CertificateView, PrintedCertificate } from './types.js';

/** A certificate as getCertificate answers it (contract shape), for the screen's tests. */
export function certificateView(over: Partial<CertificateView> = {}, cert: Partial<CertificateView['certificate']> = {}): CertificateView {
  return {
    certificate: {
      id: '01JH0000000000000000000CRT',
      hall: 'hlj-main',
      procedureId: 'OI-03',
      template: 'labour-cooperation',
      name: '对外劳务合作经营资格证书',
      typeCode: '11100000000013338W032',
      number: '黑商外劳〔2026〕第 0042 号',
      identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
      version: 1,
      issuer: { name: '黑龙江省商务厅', code: '11220000013544541J' },
      holder: { name: '黑龙江龙江国际经济技术合作有限责任公司', code: '91230100MA1B2C3D4E', codeType: '001' },
      issuedOn: '2026-11-02',
      validFrom: '2026-11-02',
      validUntil: null,
      fields: { scope: '对外劳务合作' },
      delivery: 'on_spot',
      pickupCode: 'ACDE2345',
      state: 'ready',
      revoked: null,
      supersededBy: null,
      handedOver: null,
      mail: null,
      ...cert,
    },
    medium: 'a4',
    selfService: false,
    handover: null,
    reprints: [],
    mail: null,
    ...over,
  };
}

export function printed(view: CertificateView): PrintedCertificate {
  return {
    view,
    jobs: [{ id: 'job-1', kind: 'handover-receipt', state: 'done', attempts: 1, failure: null, createdAt: '2026-12-02T01:30:00.000Z', updatedAt: '2026-12-02T01:30:01.000Z' }],
    a4Job: {
      id: 'a4-1',
      document: { kind: 'certificate', certificateId: view.certificate.id, lang: 'zh-CN', reprint: null },
      state: 'failed',
      attempts: 1,
      failure: 'ECONNREFUSED',
      createdAt: '2026-12-02T01:30:00.000Z',
      updatedAt: '2026-12-02T01:30:01.000Z',
    },
  };
}
