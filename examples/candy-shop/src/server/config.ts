import { fileURLToPath } from 'node:url';

/** Where the example lives, so the defaults work from any working directory. */
const EXAMPLE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** When the desk counts as open (business hours in Asia/Shanghai), see `opening-hours.ts`. */
export type OpeningHours = 'shop' | 'always';

export interface CandyShopConfig {
  host: string;
  /** 0 picks a free port (the URLs printed say which). */
  port: number;
  /** PostgreSQL connection string; without it, PGlite keeps the data in `dataDir`. */
  databaseUrl: string | null;
  /** The PostgreSQL schema Kefu's tables live in. */
  databaseSchema: string;
  dataDir: string;
  /** Uploaded photos and files (the local-disk blob store). */
  attachmentsDir: string;
  /** The built storefront and console (`vite build`). */
  webDir: string;
  /** Shared with the shop's server, which signs customer ids with it. */
  identitySecret: string;
  /** Signs the demo agent tokens. */
  agentTokenSecret: string;
  openingHours: OpeningHours;
  /** True when the secrets are the public demo defaults: fine locally, never in production. */
  usingDemoSecrets: boolean;
}

const DEMO_IDENTITY_SECRET = 'candy-shop-demo-identity-secret';
const DEMO_AGENT_SECRET = 'candy-shop-demo-agent-secret';

function portOf(value: string | undefined): number {
  if (value === undefined || value === '') return 5180;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number (0 for any free port), not "${value}".`);
  }
  return port;
}

function openingHoursOf(value: string | undefined): OpeningHours {
  if (value === undefined || value === '' || value === 'shop') return 'shop';
  if (value === 'always') return 'always';
  throw new Error(`KEFU_OPENING_HOURS must be "shop" or "always", not "${value}".`);
}

/**
 * The server's settings from the environment; every one has a default that works on a fresh
 * machine.
 *
 * @example
 * const config = readConfig(process.env);
 */
export function readConfig(env: NodeJS.ProcessEnv): CandyShopConfig {
  const identitySecret = env.KEFU_IDENTITY_SECRET || DEMO_IDENTITY_SECRET;
  const agentTokenSecret = env.KEFU_AGENT_TOKEN_SECRET || DEMO_AGENT_SECRET;
  return {
    host: env.HOST || '127.0.0.1',
    port: portOf(env.PORT),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.KEFU_DATABASE_SCHEMA || 'kefu',
    dataDir: env.KEFU_DATA_DIR || `${EXAMPLE_ROOT}.data/pglite`,
    attachmentsDir: env.KEFU_ATTACHMENTS_DIR || `${EXAMPLE_ROOT}.data/attachments`,
    webDir: env.KEFU_WEB_DIR || `${EXAMPLE_ROOT}dist/web`,
    identitySecret,
    agentTokenSecret,
    openingHours: openingHoursOf(env.KEFU_OPENING_HOURS),
    usingDemoSecrets:
      identitySecret === DEMO_IDENTITY_SECRET || agentTokenSecret === DEMO_AGENT_SECRET,
  };
}
