// Two instances of the standalone artifact on one fresh PostgreSQL database, behind a load balancer on the public
// origin (localhost:3000), with the database reached through a relay the test can cut. DATABASE_URL names the
// PostgreSQL server (any database on it); each cluster creates its own database, tofaktor_instances_…, and drops
// it at the end.
import { e2eSiteEnv } from '../../e2e/support/site-env';
import { startInstance, type Instance } from '../../e2e/support/instance';
import { createFreshDatabase, dropDatabase, runMigrate, withDatabase } from '../../e2e/support/postgres';
import { startDatabaseLink, type DatabaseLink } from './database-link';
import { startLoadBalancer, type LoadBalancer } from '../../../dev/testing/load-balancer';

export const PORTS = { balancer: 3000, a: 3101, b: 3102, databaseLink: 55432 } as const;

export type Cluster = {
  databaseName: string;
  /** The database, directly (not through the relay). */
  databaseUrl: string;
  link: DatabaseLink;
  balancer: LoadBalancer;
  instances: Record<'a' | 'b', Instance>;
  /** Starts instance `key` again (after a stop), with the cluster's settings. */
  restart(key: 'a' | 'b'): Promise<Instance>;
  stop(): Promise<void>;
};

export function postgresServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'The multi-instance tests need PostgreSQL: set DATABASE_URL to a server the tests may create databases on ' +
        '(CI: postgres://postgres@127.0.0.1:5432/test).',
    );
  }
  return url;
}

let clusters = 0;

export async function startCluster(
  env: Record<string, string> = {},
  /** `serverUrl`: a PostgreSQL server of the caller's own (the fault tests' private cluster), else DATABASE_URL's. */
  options: { migrate?: boolean; serverUrl?: string } = {},
): Promise<Cluster> {
  const serverUrl = options.serverUrl ?? postgresServerUrl();
  clusters += 1;
  const databaseName = `tofaktor_instances_${process.pid}_${Date.now()}_${clusters}`;
  const databaseUrl = await createFreshDatabase(serverUrl, databaseName);
  const started: { link?: DatabaseLink; instances: Instance[] } = { instances: [] };
  try {
    if (options.migrate !== false) {
      const migrated = runMigrate(databaseUrl);
      if (migrated.status !== 0) throw new Error(`db:migrate failed:\n${migrated.output}`);
    }
    started.link = await startDatabaseLink(databaseUrl, PORTS.databaseLink);
  } catch (error) {
    await dropDatabase(serverUrl, databaseName);
    throw error;
  }
  const link = started.link;
  const instanceEnv = { ...e2eSiteEnv(link.url), ...env };
  let a: Instance;
  let b: Instance;
  let balancer: LoadBalancer;
  try {
    const starting = [startInstance(PORTS.a, instanceEnv), startInstance(PORTS.b, instanceEnv)];
    const settled = await Promise.allSettled(starting);
    for (const result of settled) if (result.status === 'fulfilled') started.instances.push(result.value);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    [a, b] = started.instances as [Instance, Instance];
    balancer = await startLoadBalancer(PORTS.balancer, { a: a.url, b: b.url });
  } catch (error) {
    // Leave nothing behind: no process, no relay, no database.
    await Promise.all(started.instances.map((instance) => instance.stop()));
    await link.close();
    await dropDatabase(serverUrl, databaseName);
    throw error;
  }
  const instances = { a, b };
  return {
    databaseName,
    databaseUrl,
    link,
    balancer,
    instances,
    async restart(key) {
      instances[key] = await startInstance(PORTS[key], instanceEnv);
      return instances[key];
    },
    async stop() {
      await balancer.close();
      await Promise.all([instances.a.stop(), instances.b.stop()]);
      await link.close();
      await dropDatabase(serverUrl, databaseName);
    },
  };
}

export { withDatabase };
