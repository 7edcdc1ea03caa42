import { describe, expect, it } from 'vitest';
import { forgetInvocation } from './build-env.ts';

describe('forgetInvocation', () => {
  it('removes the command a shell started and keeps every other variable', () => {
    const env: Record<string, string | undefined> = {
      _: '/usr/bin/npx',
      SITE: 'https://a.example',
      PATH: '/bin',
    };
    expect(forgetInvocation(env)).toEqual(['_']);
    expect(env).toEqual({ SITE: 'https://a.example', PATH: '/bin' });
  });

  it('removes nothing from an environment without it', () => {
    const env = { PATH: '/bin' };
    expect(forgetInvocation(env)).toEqual([]);
    expect(env).toEqual({ PATH: '/bin' });
  });
});
