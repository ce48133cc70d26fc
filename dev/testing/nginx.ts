// Debian's nginx-light for the benchmarks and the production-shape tests, installed when missing.
import { spawnSync } from 'node:child_process';

export function ensureNginx(): string {
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0];
  if (found) return found;
  console.log("nginx is missing: installing Debian's nginx-light");
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) =>
    spawnSync(asRoot[0] ?? args[0]!, asRoot.length ? args : args.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update', '-qq']);
  const installed = run(['apt-get', 'install', '-y', '-qq', 'nginx-light']);
  if (installed.status !== 0) throw new Error('could not install nginx-light');
  return '/usr/sbin/nginx';
}
