// Playwright's webServer for the production-shape tests: nginx terminating TLS in front of the site (foreground).
// Bind address of the site from TLS_BIND.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureNginx } from '../testing/nginx';
import { nginxConfig, TLS_DIR, type BindAddress } from './production-shape';

const bind = (process.env.TLS_BIND ?? '127.0.0.1') as BindAddress;
const dir = path.resolve(TLS_DIR, 'nginx');
mkdirSync(dir, { recursive: true });
const configFile = path.join(dir, 'nginx.conf');
writeFileSync(configFile, nginxConfig(dir, bind));
const nginx = spawn(ensureNginx(), ['-p', dir, '-c', configFile, '-e', path.join(dir, 'error.log')], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => nginx.kill('SIGQUIT'));
nginx.on('exit', (code) => process.exit(code ?? 0));
