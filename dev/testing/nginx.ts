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

/** A whole nginx.conf that runs in the foreground and writes only under `dir`, around an `http` block's body. */
export function nginxConfigFile(dir: string, httpBody: string): string {
  // As root, nginx would hand its workers to "nobody", who cannot write to this temporary directory.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  return `${user}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${httpBody}
}
`;
}
