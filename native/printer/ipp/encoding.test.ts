import { describe, expect, it } from 'vitest';
import { attr, decode, encode, group, GROUP, IppDecodeError, OPERATION, TAG } from './encoding.js';
import { statusName } from './names.js';

/** Octets as RFC 8010 §9 tables list them: numbers are bytes, strings their ASCII, `u16`/`u32` big-endian fields. */
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
function octets(...parts: (number[] | string | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'ascii') : Buffer.from(p))));
}
const value = (tag: number, name: string, v: number[] | string) => octets([tag], u16(name.length), name, u16(v.length), v);

const PINETREE = 'ipp://printer.example.com/ipp/print/pinetree';

// RFC 8010 §9.2, "Print-Job Request".
const printJobRequest = octets(
  [0x01, 0x01],
  u16(0x0002),
  u32(1),
  [0x01],
  value(0x47, 'attributes-charset', 'utf-8'),
  value(0x48, 'attributes-natural-language', 'en-us'),
  value(0x45, 'printer-uri', PINETREE),
  value(0x42, 'job-name', 'foobar'),
  value(0x22, 'ipp-attribute-fidelity', [0x01]),
  [0x02],
  value(0x21, 'copies', u32(20)),
  value(0x44, 'sides', 'two-sided-long-edge'),
  [0x03],
  '%!PS...',
);

// RFC 8010 §9.3, "Print-Job Response (Successful)".
const printJobResponse = octets(
  [0x01, 0x01],
  u16(0x0000),
  u32(1),
  [0x01],
  value(0x47, 'attributes-charset', 'utf-8'),
  value(0x48, 'attributes-natural-language', 'en-us'),
  value(0x41, 'status-message', 'successful-ok'),
  [0x02],
  value(0x21, 'job-id', u32(147)),
  value(0x45, 'job-uri', `${PINETREE}/147`),
  value(0x23, 'job-state', u32(3)),
  [0x03],
);

describe('IPP encoding (RFC 8010)', () => {
  it('encodes the RFC Print-Job request byte for byte, its lengths included', () => {
    const bytes = encode({
      version: [1, 1],
      code: OPERATION.printJob,
      requestId: 1,
      groups: [
        group(GROUP.operation, [
          ['attributes-charset', TAG.charset, 'utf-8'],
          ['attributes-natural-language', TAG.naturalLanguage, 'en-us'],
          ['printer-uri', TAG.uri, PINETREE],
          ['job-name', TAG.name, 'foobar'],
          ['ipp-attribute-fidelity', TAG.boolean, true],
        ]),
        group(GROUP.job, [
          ['copies', TAG.integer, 20],
          ['sides', TAG.keyword, 'two-sided-long-edge'],
        ]),
      ],
      data: Buffer.from('%!PS...'),
    });
    expect(bytes.toString('hex')).toBe(printJobRequest.toString('hex'));
    // The lengths the RFC's table spells out.
    expect(printJobRequest.subarray(9, 12)).toEqual(Buffer.from([0x47, 0x00, 0x12]));
    expect(printJobRequest.indexOf(Buffer.from([0x00, 0x2c]))).toBeGreaterThan(0);
  });

  it('decodes the RFC Print-Job response: status, job id, job uri and state', () => {
    const m = decode(printJobResponse);
    expect(m.version).toEqual([1, 1]);
    expect(statusName(m.code)).toBe('successful-ok');
    expect(m.requestId).toBe(1);
    expect(attr(m, GROUP.operation, 'status-message')).toEqual(['successful-ok']);
    expect(attr(m, GROUP.job, 'job-id')).toEqual([147]);
    expect(attr(m, GROUP.job, 'job-uri')).toEqual([`${PINETREE}/147`]);
    expect(attr(m, GROUP.job, 'job-state')).toEqual([3]);
    expect(m.data.length).toBe(0);
  });

  it('decodes the RFC request back to what was encoded, document data after the end tag', () => {
    const m = decode(printJobRequest);
    expect(m.code).toBe(OPERATION.printJob);
    expect(attr(m, GROUP.operation, 'ipp-attribute-fidelity')).toEqual([true]);
    expect(attr(m, GROUP.job, 'copies')).toEqual([20]);
    expect(Buffer.from(m.data).toString('ascii')).toBe('%!PS...');
  });

  it('writes a 1setOf as additional values with an empty name, and reads them back as one attribute', () => {
    const bytes = encode({
      version: [2, 0],
      code: OPERATION.getPrinterAttributes,
      requestId: 7,
      groups: [group(GROUP.operation, [['requested-attributes', TAG.keyword, ['printer-state', 'printer-state-reasons']]])],
      data: new Uint8Array(),
    });
    expect(bytes.subarray(0, 8)).toEqual(octets([0x02, 0x00], u16(0x000b), u32(7)));
    expect(bytes.subarray(9)).toEqual(
      octets(value(0x44, 'requested-attributes', 'printer-state'), value(0x44, '', 'printer-state-reasons'), [0x03]),
    );
    expect(attr(decode(bytes), GROUP.operation, 'requested-attributes')).toEqual(['printer-state', 'printer-state-reasons']);
  });

  it('reads collections, out-of-band values and unknown tags without losing the attributes after them', () => {
    const bytes = octets(
      [0x02, 0x00],
      u16(0x0000),
      u32(3),
      [0x04],
      value(0x34, 'media-col-default', []),
      value(0x4a, '', 'media-key'),
      value(0x44, '', 'iso_a4_210x297mm'),
      value(0x37, '', []),
      value(0x13, 'printer-alert', []),
      value(0x31, 'printer-current-time', [7, 234, 12, 2, 13, 0, 0, 0, 0x2b, 8, 0]),
      value(0x23, 'printer-state', u32(5)),
      [0x03],
    );
    const m = decode(bytes);
    expect(attr(m, GROUP.printer, 'media-col-default')).toEqual([{ 'media-key': { tag: TAG.keyword, values: ['iso_a4_210x297mm'] } }]);
    expect(attr(m, GROUP.printer, 'printer-alert')).toEqual([null]);
    expect((attr(m, GROUP.printer, 'printer-current-time')![0] as Uint8Array).length).toBe(11);
    expect(attr(m, GROUP.printer, 'printer-state')).toEqual([5]);
    expect(decode(encode(m))).toEqual(m);
  });

  it('refuses a truncated or misordered message with a clear error instead of reading past the end', () => {
    expect(() => decode(printJobResponse.subarray(0, 30))).toThrow(IppDecodeError);
    expect(() => decode(printJobResponse.subarray(0, 30))).toThrow(/needs \d+ more byte/);
    expect(() => decode(octets([1, 1], u16(0), u32(1), value(0x21, 'job-id', u32(1)), [3]))).toThrow(/before any group/);
    expect(() => decode(octets([1, 1], u16(0), u32(1), [1], value(0x21, 'job-id', [0, 1]), [3]))).toThrow(/integer of 2 bytes/);
  });

  it('names IPP status codes, and an unlisted one by its number', () => {
    expect(statusName(0x0406)).toBe('client-error-not-found');
    expect(statusName(0x0506)).toBe('server-error-not-accepting-jobs');
    expect(statusName(0x0666)).toBe('status-0x0666');
  });
});
