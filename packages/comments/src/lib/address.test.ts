import { describe, expect, it } from 'vitest';
import { clientAddress, floodKey, inRanges, parseIp, truncateIp } from './address.ts';

describe('addresses', () => {
  it('parses IPv4, IPv6 and IPv4-mapped IPv6', () => {
    expect(parseIp('192.0.2.7')).toEqual({ version: 4, bytes: [192, 0, 2, 7] });
    expect(parseIp('::ffff:192.0.2.7')).toEqual({ version: 4, bytes: [192, 0, 2, 7] });
    expect(parseIp('2001:db8::1')?.version).toBe(6);
    expect(parseIp('1.2.3')).toBeUndefined();
    expect(parseIp('01.2.3.4')).toBeUndefined();
    expect(parseIp('evil')).toBeUndefined();
  });
  it('truncates to /24 and /48', () => {
    expect(truncateIp('192.0.2.77')).toBe('192.0.2.0/24');
    expect(truncateIp('2001:db8:abcd:1234:5678::1')).toBe('2001:db8:abcd::/48');
  });
  it('keys flood control by address, or by IPv6 /64', () => {
    expect(floodKey('2001:db8:1:2:aaaa::1')).toBe(floodKey('2001:db8:1:2:bbbb::2'));
    expect(floodKey('192.0.2.1')).not.toBe(floodKey('192.0.2.2'));
  });
  it('matches CIDR ranges', () => {
    expect(inRanges('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(inRanges('11.1.2.3', ['10.0.0.0/8'])).toBe(false);
    expect(inRanges('::1', ['::1'])).toBe(true);
  });
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '198.51.100.1', ['127.0.0.1'])).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.1', ['127.0.0.1'])).toBe('198.51.100.1');
    // A client cannot prepend a spoofed hop: the rightmost untrusted hop wins.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 198.51.100.1', ['127.0.0.1'])).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.2', ['127.0.0.1', '10.0.0.0/8'])).toBe(
      '198.51.100.1',
    );
    expect(clientAddress('127.0.0.1', 'garbage', ['127.0.0.1'])).toBeUndefined();
  });
});
