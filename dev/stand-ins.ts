// Starts both local stand-ins: ID-porten (default http://127.0.0.1:4010) and Microsoft Graph + Entra
// token endpoint (default http://127.0.0.1:4020). Ports from IDPORTEN_STANDIN_PORT /
// GRAPH_STANDIN_PORT, site origin from APP_ORIGIN; https with STANDIN_TLS_KEY_FILE + STANDIN_TLS_CERT_FILE.
//
// Run on its own: `npx tsx dev/stand-ins.ts` — prints the synthetic people to try.

import { startIdportenStandIn, type IdportenStandIn } from './idporten/server';
import { startGraphStandIn, fixture, type GraphStandIn } from './graph/server';
import {
  DEFAULT_APP_ORIGIN,
  ENTRA_STANDIN_DEFAULT_PORT,
  ENTRA_TENANT_ID,
  GRAPH_DEFAULT_PORT,
  IDPORTEN_DEFAULT_PORT,
} from './credentials';
import { startEntraStandIn, type EntraStandIn } from './entra/server';
import { STAFF } from './entra/staff';
import { standInTlsFromEnv } from './tls/stand-in-server';

export interface StandIns {
  idporten: IdportenStandIn;
  graph: GraphStandIn;
  /** Staff login of the service desk console (Entra ID's OpenID Connect endpoints). */
  entra: EntraStandIn;
  close(): Promise<void>;
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

export async function startStandIns(): Promise<StandIns> {
  const appOrigin = process.env.APP_ORIGIN || DEFAULT_APP_ORIGIN;
  const tls = standInTlsFromEnv();
  const graph = await startGraphStandIn({ port: portFromEnv('GRAPH_STANDIN_PORT', GRAPH_DEFAULT_PORT), tls });
  let idporten: IdportenStandIn;
  try {
    idporten = await startIdportenStandIn({
      port: portFromEnv('IDPORTEN_STANDIN_PORT', IDPORTEN_DEFAULT_PORT),
      appOrigin,
      tls,
    });
  } catch (err) {
    await graph.close();
    throw err;
  }
  let entra: EntraStandIn;
  try {
    entra = await startEntraStandIn({
      port: portFromEnv('ENTRA_STANDIN_PORT', ENTRA_STANDIN_DEFAULT_PORT),
      appOrigin,
      tls,
    });
  } catch (err) {
    await Promise.all([idporten.close(), graph.close()]);
    throw err;
  }
  return {
    idporten,
    graph,
    entra,
    close: async () => {
      await Promise.all([idporten.close(), graph.close(), entra.close()]);
    },
  };
}

export function peopleTable(): string {
  const rows = fixture.people.map((p) => [p.key, p.nationalId, p.description]);
  const header = ['key', 'national id (synthetic)', 'description'];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`;
  return [
    line(header),
    line(header.map((h, i) => (i < 2 ? '-'.repeat(widths[i]!) : '-'.repeat(h.length)))),
    ...rows.map(line),
  ].join('\n');
}

/** The synthetic staff of the Entra ID stand-in, for the console's login page. */
export function staffTable(): string {
  const rows = STAFF.map((member) => [member.key, member.preferredUsername, member.description]);
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`).join('\n');
}

if (typeof require !== 'undefined' && require.main === module) {
  startStandIns()
    .then((standIns) => {
      console.log(`ID-porten stand-in listening on ${standIns.idporten.url}`);
      console.log(`Graph stand-in listening on ${standIns.graph.url} (tenant ${ENTRA_TENANT_ID})`);
      console.log("\nSynthetic people to try at the ID-porten stand-in's login page:\n");
      console.log(peopleTable());
      console.log(
        `\nEntra ID stand-in (service desk console staff login) on ${standIns.entra.issuer}; staff to try:\n`,
      );
      console.log(staffTable());
      console.log('');
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping the stand-ins`);
        const force = setTimeout(() => process.exit(1), 5000);
        force.unref();
        standIns.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
