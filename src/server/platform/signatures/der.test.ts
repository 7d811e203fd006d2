import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from './certificate.ts';
import { parseSignedData } from './cms.ts';
import { children, DerError, readOid, readTime, readTlv } from './der.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('DER reader', () => {
  it('reads OIDs, including 128-bit UUID arcs', () => {
    const sha256 = bytes(0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01);
    expect(readOid(sha256, readTlv(sha256, 0))).toBe('2.16.840.1.101.3.4.2.1');
    const gost = bytes(0x06, 0x08, 0x2a, 0x83, 0x0e, 0x03, 0x0a, 0x01, 0x03, 0x01);
    expect(readOid(gost, readTlv(gost, 0))).toBe('1.2.398.3.10.1.3.1');
    const uuid = Buffer.from('061469 81e0a0dcb7c696cab295befee493b3d7ffb524'.replace(/\s/g, ''), 'hex');
    expect(readOid(uuid, readTlv(uuid, 0))).toBe('2.25.149043438594694906474951458423438301860');
    const truncated = bytes(0x06, 0x02, 0x2a, 0x83);
    expect(() => readOid(truncated, readTlv(truncated, 0))).toThrow(DerError);
  });

  it('reads UTCTime across the 1950/2049 pivot and GeneralizedTime with a fraction', () => {
    const time = (tag: number, text: string) => {
      const encoded = bytes(tag, text.length, ...Buffer.from(text, 'latin1'));
      return readTime(encoded, readTlv(encoded, 0)).toISOString();
    };
    expect(time(0x17, '491231235959Z')).toBe('2049-12-31T23:59:59.000Z');
    expect(time(0x17, '500101000000Z')).toBe('1950-01-01T00:00:00.000Z');
    expect(time(0x18, '20260228120000.25Z')).toBe('2026-02-28T12:00:00.250Z');
    expect(() => time(0x18, '20260230120000Z')).toThrow(DerError);
    expect(() => time(0x17, '260228120000+0600')).toThrow(DerError);
  });

  it('follows BER indefinite lengths on constructed elements', () => {
    const ber = bytes(0x30, 0x80, 0x02, 0x01, 0x05, 0x04, 0x00, 0x00, 0x00);
    const outer = readTlv(ber, 0);
    expect(outer.end).toBe(ber.length);
    expect(children(ber, outer).map((c) => c.tag)).toEqual([0x02, 0x04]);
    expect(() => readTlv(bytes(0x04, 0x80, 0x00, 0x00), 0)).toThrow(DerError);
  });

  it('never fails on arbitrary bytes with anything but DerError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        for (const parse of [parseSignedData, parseCertificate]) {
          try {
            parse(input);
          } catch (error) {
            if (!(error instanceof DerError)) throw error;
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
