// The simulator's TLS identity: a private CA (written to <state-dir>/ca.pem for clients to trust) and a server
// certificate it signs for 127.0.0.1 and localhost. Both are kept in the state directory and reused across restarts,
// so a client that trusted ca.pem once keeps working. The @databricks/sql driver cannot speak plain HTTP.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  caCertPath: string;
  caPem: string;
  cert: string;
  key: string;
}

const DAY_MS = 86_400_000;

export async function loadOrCreateTls(stateDir: string): Promise<TlsMaterial> {
  const files = {
    ca: join(stateDir, 'ca.pem'),
    caKey: join(stateDir, 'ca-key.pem'),
    cert: join(stateDir, 'server.pem'),
    key: join(stateDir, 'server-key.pem'),
  };
  if (Object.values(files).every((f) => existsSync(f))) {
    const [caPem, cert, key] = await Promise.all([readFile(files.ca, 'utf8'), readFile(files.cert, 'utf8'), readFile(files.key, 'utf8')]);
    if (new Date(new X509Certificate(cert).validTo).getTime() > Date.now() + DAY_MS) return { caCertPath: files.ca, caPem, cert, key };
  }
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  // A unique name per CA: two simulator CAs trusted by one process (NODE_EXTRA_CA_CERTS plus a customCaCert) must not
  // share a subject, or OpenSSL may pick the wrong one as issuer ("certificate signature failure").
  const ca = await generate([{ name: 'commonName', value: `Brickwatch Simulator Local CA ${randomBytes(4).toString('hex')}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(Date.now() + 3650 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(Date.now() + 825 * DAY_MS),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await writeFile(files.caKey, ca.private, { mode: 0o600 });
  await writeFile(files.key, server.private, { mode: 0o600 });
  await writeFile(files.cert, server.cert);
  await writeFile(files.ca, ca.cert);
  return { caCertPath: files.ca, caPem: ca.cert, cert: server.cert, key: server.private };
}
