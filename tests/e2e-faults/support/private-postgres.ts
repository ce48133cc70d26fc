// A PostgreSQL cluster of the fault tests' own: Debian's initdb and pg_ctl in a temporary folder, on a port of its own,
// so a test can stop, crash and restart it without touching the machine's shared server. As root, the server runs as
// the `postgres` user (PostgreSQL refuses to run as root).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export type PrivatePostgres = {
  /** A URL for the cluster's `postgres` database (create test databases on it). */
  url: string;
  /** Stops the server: `immediate` is a crash (no checkpoint), `fast` a clean shutdown. */
  stop(mode?: 'immediate' | 'fast'): void;
  start(): void;
  /** Stops it for good and removes its folder. */
  destroy(): void;
};

function binDir(): string {
  const configured = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [
    configured.status === 0 ? configured.stdout.trim() : '',
    // Debian keeps the server binaries per version, out of PATH.
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []),
  ];
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'initdb')));
  if (!found)
    throw new Error('The fault tests need PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql');
  return found;
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = binDir();
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'tofaktor-faults-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  writeFileSync(log, '');
  if (root) {
    const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (postgres.status !== 0)
      throw new Error('running as root, the fault tests need a `postgres` user to run the server');
    chownSync(dir, Number(postgres.stdout), Number(group.stdout));
    chownSync(log, Number(postgres.stdout), Number(group.stdout));
  }
  const run = (tool: string, args: string[]) => {
    const command = root
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    const result = spawnSync(command[0] as string, command[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  };
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // A throw-away cluster: durability is not what these tests are about.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = () => run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
  const stop = (mode: 'immediate' | 'fast' = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);

  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy() {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
