/**
 * The application/ipp message format (RFC 8010 §3): a version, an operation or status code, a request
 * id, attribute groups, an end tag, then the document. Only what the A4 printing needs is named here;
 * any other value tag is kept as raw bytes so a printer's full answer still decodes.
 */

export const GROUP = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04, unsupported: 0x05 } as const;

export const TAG = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

export const OPERATION = { printJob: 0x0002, cancelJob: 0x0008, getJobAttributes: 0x0009, getPrinterAttributes: 0x000b } as const;

/** A collection's members by name (RFC 8010 §3.1.6). */
export interface IppCollection {
  [member: string]: IppAttribute;
}

export type IppScalar = string | number | boolean | Uint8Array | IppCollection | null;

export interface IppAttribute {
  tag: number;
  values: IppScalar[];
}

export interface IppGroup {
  tag: number;
  attributes: Map<string, IppAttribute>;
}

export interface IppMessage {
  version: readonly [number, number];
  /** operation-id in a request, status-code in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  data: Uint8Array;
}

/** An attribute to encode: a tag and one value or several (a 1setOf). */
export type AttributeInput = [name: string, tag: number, value: IppScalar | IppScalar[]];

export function group(tag: number, attributes: AttributeInput[]): IppGroup {
  return {
    tag,
    attributes: new Map(attributes.map(([name, t, v]) => [name, { tag: t, values: Array.isArray(v) ? v : [v] }])),
  };
}

const INTEGER_TAGS = new Set<number>([TAG.integer, TAG.enum]);
const STRING_TAGS = new Set<number>([
  TAG.text,
  TAG.name,
  TAG.keyword,
  TAG.uri,
  TAG.uriScheme,
  TAG.charset,
  TAG.naturalLanguage,
  TAG.mimeMediaType,
  TAG.memberAttrName,
]);
const isOutOfBand = (tag: number) => tag >= 0x10 && tag <= 0x1f;

function valueBytes(tag: number, value: IppScalar): Buffer {
  if (isOutOfBand(tag) || value === null) return Buffer.alloc(0);
  if (INTEGER_TAGS.has(tag)) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value as number);
    return b;
  }
  if (tag === TAG.boolean) return Buffer.from([value ? 1 : 0]);
  if (STRING_TAGS.has(tag)) return Buffer.from(value as string, 'utf8');
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError(`cannot encode a ${typeof value} with IPP value tag 0x${tag.toString(16)}`);
}

function pushValue(out: Buffer[], tag: number, name: string, value: Buffer): void {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(3);
  head.writeUInt8(tag, 0);
  head.writeUInt16BE(nameBytes.length, 1);
  const len = Buffer.alloc(2);
  if (value.length > 0xffff) throw new RangeError(`IPP value of ${name || 'a member'} is longer than 65535 bytes`);
  len.writeUInt16BE(value.length);
  out.push(head, nameBytes, len, value);
}

function pushAttribute(out: Buffer[], name: string, attr: IppAttribute): void {
  attr.values.forEach((value, i) => {
    const n = i === 0 ? name : '';
    if (attr.tag === TAG.begCollection) {
      pushValue(out, TAG.begCollection, n, Buffer.alloc(0));
      for (const [member, inner] of Object.entries((value ?? {}) as IppCollection)) {
        pushValue(out, TAG.memberAttrName, '', Buffer.from(member, 'utf8'));
        inner.values.forEach((v) => {
          if (inner.tag === TAG.begCollection) pushAttribute(out, '', { tag: inner.tag, values: [v] });
          else pushValue(out, inner.tag, '', valueBytes(inner.tag, v));
        });
      }
      pushValue(out, TAG.endCollection, '', Buffer.alloc(0));
    } else {
      pushValue(out, attr.tag, n, valueBytes(attr.tag, value));
    }
  });
}

export function encode(message: IppMessage): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt8(message.version[0], 0);
  head.writeUInt8(message.version[1], 1);
  head.writeUInt16BE(message.code, 2);
  head.writeInt32BE(message.requestId, 4);
  const out: Buffer[] = [head];
  for (const g of message.groups) {
    out.push(Buffer.from([g.tag]));
    for (const [name, attr] of g.attributes) pushAttribute(out, name, attr);
  }
  out.push(Buffer.from([GROUP.end]), Buffer.from(message.data));
  return Buffer.concat(out);
}

export class IppDecodeError extends Error {
  constructor(message: string) {
    super(`malformed IPP message: ${message}`);
    this.name = 'IppDecodeError';
  }
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new IppDecodeError(`needs ${n} more byte(s) at offset ${this.pos}`);
  }
  u8(): number {
    this.need(1);
    return this.buf.readUInt8(this.pos++);
  }
  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  rest(): Buffer {
    return this.buf.subarray(this.pos);
  }
}

function decodeValue(tag: number, raw: Buffer): IppScalar {
  if (isOutOfBand(tag)) return null;
  if (INTEGER_TAGS.has(tag)) {
    if (raw.length !== 4) throw new IppDecodeError(`an integer of ${raw.length} bytes`);
    return raw.readInt32BE(0);
  }
  if (tag === TAG.boolean) {
    if (raw.length !== 1) throw new IppDecodeError(`a boolean of ${raw.length} bytes`);
    return raw[0] !== 0;
  }
  if (STRING_TAGS.has(tag)) return raw.toString('utf8');
  return new Uint8Array(raw);
}

interface RawValue {
  tag: number;
  name: string;
  value: Buffer;
}

function readRaw(r: Reader, tag: number): RawValue {
  const name = r.bytes(r.u16()).toString('utf8');
  const value = r.bytes(r.u16());
  return { tag, name, value };
}

/** After a begCollection value: members up to the matching endCollection. */
function readCollection(r: Reader): IppCollection {
  const members: IppCollection = {};
  let current: IppAttribute | null = null;
  for (;;) {
    const tag = r.u8();
    const v = readRaw(r, tag);
    if (tag === TAG.endCollection) return members;
    if (tag === TAG.memberAttrName) {
      current = { tag: 0, values: [] };
      members[v.value.toString('utf8')] = current;
      continue;
    }
    if (!current) throw new IppDecodeError('a collection value before its member name');
    current.tag ||= tag;
    current.values.push(tag === TAG.begCollection ? readCollection(r) : decodeValue(tag, v.value));
  }
}

export function decode(bytes: Uint8Array): IppMessage {
  const r = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const version = [r.u8(), r.u8()] as const;
  const code = r.u16();
  r.need(4);
  const requestId = r.bytes(4).readInt32BE(0);
  const groups: IppGroup[] = [];
  let current: IppGroup | null = null;
  let last: IppAttribute | null = null;
  for (;;) {
    const tag = r.u8();
    if (tag === GROUP.end) break;
    if (tag <= 0x0f) {
      current = { tag, attributes: new Map() };
      groups.push(current);
      last = null;
      continue;
    }
    if (!current) throw new IppDecodeError('an attribute before any group');
    const v = readRaw(r, tag);
    const value = tag === TAG.begCollection ? readCollection(r) : decodeValue(tag, v.value);
    if (v.name === '') {
      if (!last) throw new IppDecodeError('an additional value with no attribute before it');
      last.values.push(value);
    } else {
      last = { tag, values: [value] };
      current.attributes.set(v.name, last);
    }
  }
  return { version, code, requestId, groups, data: new Uint8Array(r.rest()) };
}

/** The first value of `name` in the first group of `groupTag` that has it. */
export function attr(message: IppMessage, groupTag: number, name: string): IppScalar[] | undefined {
  for (const g of message.groups) if (g.tag === groupTag && g.attributes.has(name)) return g.attributes.get(name)!.values;
  return undefined;
}
