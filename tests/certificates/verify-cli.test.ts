import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_APPLY } from '../../core/certificates/store.js';
import { testCertificate, testKey } from '../../core/certificates/test-certificates.js';
import { openDatabase } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { ROOT } from '../../terminal/config.js';

const run = promisify(execFile);
const CLI = join(ROOT, 'terminal/verify-cli.ts');
const tmp = tempDir('hall-verify-cert-');
afterAll(() => tmp.cleanup());

async function verify(args: string[], env: NodeJS.ProcessEnv = {}, viaNpm = false) {
  const [cmd, argv] = viaNpm ? ['npm', ['run', '--silent', 'verify', '--', ...args]] : [process.execPath, ['--import', 'tsx', CLI, ...args]];
  try {
    const { stdout, stderr } = await run(cmd as string, argv as string[], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const signer = testKey();
const file = tmp.file('terminal.sqlite');
const db = openDatabase(file);
CERTIFICATE_APPLY.certificate_key!(db, { seq: 1, entity: 'certificate_key', key: signer.key.keyId, op: 'upsert', data: signer.key });
const genuine = testCertificate(signer);
const revoked = testCertificate(signer, { state: 'revoked', revoked: { on: '2026-11-30', reason: '企业注销' } });
for (const d of [genuine, revoked]) CERTIFICATE_APPLY.certificate!(db, { seq: 2, entity: 'certificate', key: d.id, op: 'upsert', data: d });
db.close();

describe('npm run verify -- certificate PAYLOAD', () => {
  it('prints a genuine certificate with its public fields in Chinese by default and exits 0', async () => {
    const r = await verify(['certificate', genuine.qr, '--db', file], { LANG: '' }, true);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('真实有效');
    expect(r.stdout).toContain(genuine.number);
    expect(r.stdout).toContain('持证主体: 黑龙江龙辰国际贸易有限公司');
  });

  it('exits 1 for revoked, forged and unknown-issuer payloads, in the language of LANG', async () => {
    const rev = await verify(['certificate', revoked.qr, '--db', file], { LANG: 'en_US.UTF-8' });
    expect([rev.code, rev.stdout]).toEqual([1, expect.stringContaining('revoked on 2026-11-30, reason: 企业注销')]);
    const forged = await verify(['certificate', genuine.qr.replace('|001|', '|002|'), '--db', file], { LANG: 'ru_RU.UTF-8' });
    expect([forged.code, forged.stdout]).toEqual([1, expect.stringContaining('Подделан')]);
    const unknown = await verify(['certificate', testCertificate(testKey('other')).qr, '--db', file, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ verdict: 'unknown_issuer', keyId: 'other' });
  });
});
