import { readConfig } from './config';
import { type RunningCandyShop, startCandyShop } from './start-candy-shop';

const config = readConfig(process.env);

// Listen for Ctrl+C before anything starts: a signal during start-up waits for it, then stops.
let starting: Promise<RunningCandyShop> | null = null;
let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the candy shop…`);
  try {
    const shop = await starting;
    await shop?.close();
    console.log('Stopped; the data is saved.');
    process.exit(0);
  } catch (error) {
    console.error('Could not stop cleanly:', error);
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void stop(signal));
process.on('SIGTERM', (signal) => void stop(signal));

starting = startCandyShop(config);
const shop = await starting;
if (!stopping) printBanner(shop);

function printBanner({ seeded, urls, storage }: RunningCandyShop): void {
  const added = seeded.agents + seeded.customers + seeded.articles;
  console.log(`
🍬 Kefu candy shop (糖果店) is running
   Storefront 店铺:      ${urls.storefront}
   Agent console 客服台: ${urls.console}
   Gateway 网关:         ${urls.gateway}  (status: ${urls.status})
   Data 数据:            ${storage}
   ${
     added > 0
       ? `Seeded ${seeded.agents} agents, ${seeded.customers} customers, ${seeded.articles} articles.`
       : 'Data found from an earlier run; nothing to seed.'
   }
   Opening hours:       ${config.openingHours === 'always' ? 'always open' : 'daily 09:00–22:00 Asia/Shanghai (KEFU_OPENING_HOURS=always to stay open)'}
${config.usingDemoSecrets ? '   Using the public demo secrets: set KEFU_IDENTITY_SECRET and KEFU_AGENT_TOKEN_SECRET for anything real.\n' : ''}
Press Ctrl+C to stop.`);
}
