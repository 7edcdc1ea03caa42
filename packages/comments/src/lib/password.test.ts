import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parsePasswordHash, verifyPassword } from './password.ts';

// Tests use a cheap cost (N = 2^10); one test runs the default, as `khabar-comments passwd` does.
const CHEAP = { ln: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a random salt and the hash in a PHC string', async () => {
    const a = await hashPassword('كلمة سر طويلة جداً', CHEAP);
    const b = await hashPassword('كلمة سر طويلة جداً', CHEAP);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    const parsed = parsePasswordHash(a);
    expect('problem' in parsed ? parsed.problem : parsed.salt.length).toBe(16);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('matches the same Arabic text typed in another normalization form', async () => {
    // "أ" precomposed (U+0623) and as alef + hamza above (U+0627 U+0654).
    const stored = await hashPassword('\u0623\u0645\u0627\u0646-2016-secret', CHEAP);
    expect(await verifyPassword('\u0627\u0654\u0645\u0627\u0646-2016-secret', stored)).toBe(true);
  });

  it('verifies with the parameters written in the hash, the default ones included', async () => {
    const stored = await hashPassword('a default-cost password');
    expect(stored.startsWith(`$scrypt$ln=${DEFAULT_SCRYPT.ln},r=8,p=1$`)).toBe(true);
    expect(await verifyPassword('a default-cost password', stored)).toBe(true);
  });

  it('explains what is wrong with a broken or hostile hash, and never verifies against it', async () => {
    const problem = (stored: string) => {
      const parsed = parsePasswordHash(stored);
      return 'problem' in parsed ? parsed.problem : '';
    };
    expect(problem('hunter2')).toContain('khabar-comments passwd');
    const huge = '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(problem(huge)).toContain('out of range');
    expect(await verifyPassword('x', huge)).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});
