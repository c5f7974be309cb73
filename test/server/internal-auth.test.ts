import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { InternalAuthenticator, internalKey, signHs256, verifyHs256 } from '../../src/server/internal-auth';

const ROOT = resolve(__dirname, '..', '..');

/** Runs a snippet with jose in a plain node process (jose is ESM-only; node 20 can require it). */
function withJose(script: string): string {
  return execFileSync(process.execPath, ['-e', `const jose = require('jose');\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  }).trim();
}

describe('internal JWT', () => {
  test('a token names the sending node and verifies with the same secret only', async () => {
    const a = new InternalAuthenticator('secret', 'node-a');
    const token = await a.token();
    expect(await new InternalAuthenticator('secret', 'node-b').verify(token)).toBe('node-a');
    expect(await new InternalAuthenticator('other', 'node-b').verify(token)).toBeUndefined();
    expect(await a.token()).toBe(token); // reused while fresh
    const claims = verifyHs256(token, internalKey('secret'))!;
    expect((claims.exp as number) - (claims.iat as number)).toBe(360);
  });

  test('refuses tampering, expiry, other algorithms and junk', () => {
    const key = internalKey('secret');
    const now = Date.now() / 1000;
    const good = signHs256({ sub: 'x', exp: now + 60 }, key);
    expect(verifyHs256(good, key)).toMatchObject({ sub: 'x' });
    const [h, , s] = good.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'admin', exp: now + 60 })).toString('base64url');
    expect(verifyHs256(`${h}.${otherPayload}.${s}`, key)).toBeUndefined();
    expect(verifyHs256(signHs256({ sub: 'x', exp: now - 1 }, key), key)).toBeUndefined();
    expect(verifyHs256(signHs256({ sub: 'x' }, key), key)).toBeUndefined(); // no exp
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${otherPayload}.`;
    expect(verifyHs256(none, key)).toBeUndefined();
    for (const junk of ['', 'a.b', 'a.b.c', '...', good + 'x'])
      expect(verifyHs256(junk, key)).toBeUndefined();
  });

  test('interoperates with jose in both directions (HS256, HKDF-derived key)', async () => {
    const ours = await new InternalAuthenticator('s3', 'ours').token();
    const verifiedByJose = withJose(`
      const key = new Uint8Array(require('node:crypto').hkdfSync('sha256', Buffer.from('s3'), Buffer.alloc(0), 'internal-communication', 32));
      jose.jwtVerify(${JSON.stringify(ours)}, key, { algorithms: ['HS256'] }).then((r) => console.log(r.payload.sub), (e) => console.log('ERR ' + e.code));
    `);
    expect(verifiedByJose).toBe('ours');
    const theirs = withJose(`
      const key = new Uint8Array(require('node:crypto').hkdfSync('sha256', Buffer.from('s3'), Buffer.alloc(0), 'internal-communication', 32));
      new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('theirs').setExpirationTime('6m').sign(key).then(console.log);
    `);
    expect(await new InternalAuthenticator('s3', 'x').verify(theirs)).toBe('theirs');
  });
});
