import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './node-version.ts';

describe('nodeVersionProblem', () => {
  it('names the Node.js it found and both ways to get Node 24', () => {
    const message = nodeVersionProblem('20.20.2');
    expect(message).toContain('Khabar needs Node.js 22.12.0 or newer');
    expect(message).toContain('this is Node.js 20.20.2');
    expect(message).toContain('npm install --save-dev node@24');
    expect(message).toContain('npm 11 warns');
    expect(message).toContain('nvm install 24');
  });

  it('refuses a Node 22 older than 22.12, with or without a leading v', () => {
    expect(nodeVersionProblem('22.11.0')).toContain('this is Node.js 22.11.0');
    expect(nodeVersionProblem('v18.19.1')).toContain('this is Node.js 18.19.1');
  });

  it('accepts 22.12 and anything newer', () => {
    expect(nodeVersionProblem('22.12.0')).toBeUndefined();
    expect(nodeVersionProblem('22.23.3')).toBeUndefined();
    expect(nodeVersionProblem('24.1.0')).toBeUndefined();
    expect(nodeVersionProblem('v23.0.0')).toBeUndefined();
  });
});
