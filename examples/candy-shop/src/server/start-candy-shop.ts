import { access } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDiskBlobStore } from '@kefu/blob-store';
import { isKefuError } from '@kefu/core';
import { createGateway } from '@kefu/server';
import { type SeedResult, seedDesk } from '../seed/seed-desk';
import { verifyAgentToken } from './agent-tokens';
import { createCandyShopDesk } from './candy-shop-desk';
import type { CandyShopConfig } from './config';
import { createDemoApi } from './demo-api';
import { sendError } from './http-json';
import { openStorage } from './open-storage';
import { openingHours } from './opening-hours';
import { createStaffingApi } from './staffing-api';
import { createStaticFiles } from './static-files';

export interface RunningCandyShop {
  urls: { storefront: string; console: string; gateway: string; status: string };
  /** Where the data is kept. */
  storage: string;
  /** What the seeding added this time (all zero when the data was there already). */
  seeded: SeedResult;
  /** Stops taking connections, closes the gateway, stops the desk, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the candy shop: storage, desk, seed data, gateway, the demo sign-in API and the built web
 * apps, all on one HTTP server.
 *
 * @example
 * const shop = await startCandyShop(readConfig(process.env));
 * console.log(shop.urls.storefront);
 * process.once('SIGINT', () => shop.close());
 */
export async function startCandyShop(config: CandyShopConfig): Promise<RunningCandyShop> {
  await access(`${config.webDir}/index.html`).catch(() => {
    throw new Error(
      `The web apps are not built in ${config.webDir}: run \`pnpm demo\` (or \`pnpm --filter example-candy-shop build\`).`,
    );
  });
  const opened = await openStorage(config);
  // Photos and files customers and agents upload: on the local disk, beside the data.
  const blobs = createDiskBlobStore({ directory: config.attachmentsDir });
  const desk = createCandyShopDesk({
    storage: opened.storage,
    openingHours: config.openingHours,
    blobs,
  });
  let seeded: SeedResult;
  try {
    seeded = await seedDesk(desk);
    // PGlite means this is the only server, and nobody is connected yet: agents left online by an
    // earlier run are not here. (On PostgreSQL other nodes may hold their connections.)
    for (const agent of config.databaseUrl ? [] : await desk.agents.list()) {
      if (agent.presence !== 'offline') {
        await desk.agents.setPresence({ agentId: agent.id, presence: 'offline' });
      }
    }
    await desk.jobs.start();
  } catch (error) {
    await desk.stop();
    await opened.close();
    throw error;
  }

  const gateway = createGateway({
    desk,
    path: '/kefu',
    identity: { secret: config.identitySecret },
    // The gateway's own uploads need no allowedHosts; links are signed with the identity secret.
    attachments: { blobs },
    authenticate: async ({ token }) => {
      const agentId = verifyAgentToken(token, config.agentTokenSecret, Date.now());
      return agentId && (await desk.agents.get(agentId)) ? { agentId } : null;
    },
    // Roles are enforced (the default): reports, the live view, whisper and barge-in are for
    // supervisors; an agent sees their own conversations and their teams' queue.
    // An agent who closed the console (and did not come back within a minute) stops getting chats.
    agentPresence: { onDisconnect: 'away', graceMs: 60_000 },
    // Several servers on one PostgreSQL database: events from the others reach our connections.
    ...(config.databaseUrl ? { bus: opened.storage.bus } : {}),
  });
  const api = createDemoApi({
    desk,
    identitySecret: config.identitySecret,
    agentTokenSecret: config.agentTokenSecret,
  });
  const staffing = createStaffingApi({
    desk,
    calendar: openingHours(config.openingHours),
    agentTokenSecret: config.agentTokenSecret,
  });
  const serveStatic = createStaticFiles(config.webDir);

  const server = createServer((request, response) => {
    void (async () => {
      try {
        if (await gateway.handleRequest(request, response)) return;
        if (await api(request, response)) return;
        if (await staffing(request, response)) return;
        if (await serveStatic(request, response)) return;
        sendError(response, 404, 'Not found.');
      } catch (error) {
        if (isKefuError(error) && error.code === 'VALIDATION') {
          sendError(response, 400, error.message);
          return;
        }
        console.error('[candy-shop]', error);
        if (!response.headersSent) sendError(response, 500, 'Something went wrong.');
        else response.destroy();
      }
    })();
  });
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith(gateway.path)) gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    urls: {
      storefront: `${origin}/`,
      console: `${origin}/console/`,
      gateway: `${origin.replace(/^http/, 'ws')}${gateway.path}`,
      status: `${origin}${gateway.path}/status`,
    },
    storage: opened.description,
    seeded,
    close() {
      closing ??= (async () => {
        server.close();
        await gateway.close();
        server.closeAllConnections();
        await desk.stop();
        await opened.close();
      })();
      return closing;
    },
  };
}
