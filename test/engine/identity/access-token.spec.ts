import { randomBytes } from 'node:crypto';
import { AccessTokens } from '../../../apps/engine/src/identity/access-token.js';

describe('access tokens (HS256, verified once per node)', () => {
  const tokens = new AccessTokens(randomBytes(32), 3600);
  const claims = { sub: 'u1', username: 'minh', fullName: 'Nguyễn Văn Minh', departmentCode: 'MC', roles: ['officer'] };
  const now = Date.parse('2026-11-26T08:00:00Z');

  it('given a token it issued, then it is accepted on every request with the same claims', () => {
    const token = tokens.issue(claims, now);
    expect(tokens.verify(token, now)).toMatchObject(claims);
    expect(tokens.verify(token, now + 1000)).toMatchObject(claims);
  });

  it('given a token already verified, when it has expired, then it is refused', () => {
    const token = tokens.issue(claims, now);
    expect(tokens.verify(token, now)).toBeDefined();
    expect(tokens.verify(token, now + 3601 * 1000)).toBeUndefined();
  });

  it('given a genuine token already verified, when its body is changed (another department), then the changed token is refused', () => {
    const token = tokens.issue(claims, now);
    expect(tokens.verify(token, now)).toBeDefined();
    const [head, body, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(body, 'base64url').toString());
    forged.departmentCode = 'STC';
    const tampered = `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(tokens.verify(tampered, now)).toBeUndefined();
  });

  it('given the verified claims, then no request can change them for the next one', () => {
    const token = tokens.issue(claims, now);
    const seen = tokens.verify(token, now)!;
    expect(() => (seen.roles as string[]).push('admin')).toThrow();
    expect(tokens.verify(token, now)!.roles).toEqual(['officer']);
  });

  it('given a token signed with another key, then it is refused', () => {
    const other = new AccessTokens(randomBytes(32), 3600);
    expect(tokens.verify(other.issue(claims, now), now)).toBeUndefined();
  });
});
