import { describe, expect, it } from 'vitest';
import { clientAddress, floodKey, inRanges, isAddressOrRange, parseIp, truncateIp } from './address.ts';

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
  });
  it('reads ports and IPv6 brackets on a forwarded hop', () => {
    const trusted = ['127.0.0.1'];
    expect(clientAddress('127.0.0.1', '198.18.0.7:5555', trusted)).toBe('198.18.0.7');
    expect(clientAddress('127.0.0.1', '[2001:db8::1]:443', trusted)).toBe('2001:db8::1');
    expect(clientAddress('127.0.0.1', '[2001:db8::1]', trusted)).toBe('2001:db8::1');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(parseIp('198.18.0.7:5555')).toEqual({ version: 4, bytes: [198, 18, 0, 7] });
  });
  it('falls back to the socket, never to no address, when a forwarded hop is not an address', () => {
    const trusted = ['127.0.0.1', '10.0.0.0/8'];
    expect(clientAddress('127.0.0.1', 'unknown', trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'garbage', trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, unknown', trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', trusted)).toBe('127.0.0.1');
    // Only the socket itself being unknown leaves no address.
    expect(clientAddress(undefined, '198.51.100.1', trusted)).toBeUndefined();
  });
  it('walks a chain of trusted proxies to the first untrusted hop', () => {
    const trusted = ['127.0.0.1', '10.0.0.0/8', '2001:db8:ffff::/48'];
    expect(clientAddress('127.0.0.1', '203.0.113.5:1234, [2001:db8:ffff::9]:80, 10.1.1.1', trusted)).toBe(
      '203.0.113.5',
    );
  });
  it('knows a valid address or range from a typo', () => {
    expect(isAddressOrRange('10.0.0.0/8')).toBe(true);
    expect(isAddressOrRange('::1')).toBe(true);
    expect(isAddressOrRange('999.1.1.1')).toBe(false);
    expect(isAddressOrRange('10.0.0.0/33')).toBe(false);
  });
});
