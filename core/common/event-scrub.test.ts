import { describe, expect, it } from 'vitest';
import { CERTIFICATE_EVENTS, OPINION_EVENT, QUEUE_EVENTS, RATING_EVENT } from '../contract/index.js';
import { scrubbedPayload } from './event-scrub.js';

describe('scrubbedPayload', () => {
  it('drops the opinion’s text and phone, keeping what lookups and statistics need', () => {
    const filed = { id: '01J', trackingCode: 'ABCD-EFGH', kind: 'complaint', text: '身份证230102199001011234', prohibition: 3, phone: '13987654321', filedAt: '2026-03-02T01:00:00.000Z' };
    expect(scrubbedPayload(OPINION_EVENT, filed)).toEqual({ ...filed, text: '', phone: null });
  });

  it('keeps a rating’s chain entry alone', () => {
    const rating = { id: 'r', chainSeq: 2, terminalDeviceId: 'd', serviceId: 's', ticketNumber: 'A001', counterNo: 1, clerkNumber: '0101', service: 'A', matter: '对外贸易', level: 1, reasons: ['attitude'], comment: '态度差', channel: 'counter', recordedAt: '2026-03-02T01:00:00.000Z', prevHash: 'p', hash: 'h' };
    expect(scrubbedPayload(RATING_EVENT, rating)).toEqual({ id: 'r', chainSeq: 2, terminalDeviceId: 'd', serviceId: 's', prevHash: 'p', hash: 'h' });
  });

  it('drops the enterprise of an appointment ticket and leaves events without personal data alone', () => {
    expect(scrubbedPayload(QUEUE_EVENTS.ticketIssued, { id: 't', number: 'A001', enterprise: '华夏进出口有限公司' })).toEqual({ id: 't', number: 'A001', enterprise: null });
    expect(scrubbedPayload(QUEUE_EVENTS.action, { action: 'call' })).toBeNull();
    expect(scrubbedPayload('print.done', { jobId: 'j' })).toBeNull();
  });

  it('drops who collected a certificate, the mail recipient, phone, street and signer; keeps what tracking and statistics need', () => {
    const h = { id: 'h', certificateId: 'c', recipientKind: 'proxy', recipientName: '赵六', idHash: 'a'.repeat(64), idLast4: '002X', counter: '6' };
    expect(scrubbedPayload(CERTIFICATE_EVENTS.handedOver, h)).toEqual({ ...h, recipientName: '', idLast4: '' });
    const address = { recipient: '钱七', phone: '13900001111', province: '北京市', city: '北京市', county: '海淀区', street: '中关村大街 1 号', postcode: '100080', waybill: 'EA123456789CN' };
    expect(scrubbedPayload(CERTIFICATE_EVENTS.mailed, { id: 'm', address })).toEqual({ id: 'm', address: { ...address, recipient: '', phone: '', street: '' } });
    expect(scrubbedPayload(CERTIFICATE_EVENTS.mailState, { id: 's', mail: { state: 'delivered', signer: '钱七' } })).toEqual({ id: 's', mail: { state: 'delivered', signer: null } });
  });
});
