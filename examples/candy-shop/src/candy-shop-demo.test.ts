import { join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageOpener, signInAgent } from './testing/browser-pages';
import { launchChromium } from './testing/chromium';
import { type DemoProcess, type DemoUrls, startDemo } from './testing/demo-process';
import { demoSuite, failWithPages, screenshot } from './testing/demo-suite';
import { DEMO_SCRIPT } from './testing/example-scripts';
import { getJson, waitUntil } from './testing/wait-until';

const DATABASE_URL = process.env.DATABASE_URL || undefined;
const MINUTE = 60_000;

/**
 * The demo as a user gets it: built once, started the way `pnpm demo` starts it (on a free port,
 * a temporary data folder), answered over HTTP, stopped with Ctrl+C and started again on the same
 * data; then walked through in real Chromium, from the storefront's widget to the console.
 */
describe('pnpm demo (examples/candy-shop)', () => {
  let demo: DemoProcess | null = null;
  let browser: Browser | null = null;
  // PGlite even where CI sets DATABASE_URL (tested apart below).
  const { work, env } = demoSuite('kefu-candy-shop-', () => ({ demo, browser }));

  it('is the build, then the server', () => {
    expect(DEMO_SCRIPT.demo).toBe(`${DEMO_SCRIPT.build} && ${DEMO_SCRIPT.start}`);
  });

  it(
    'serves the storefront, the console and the gateway, and stops on Ctrl+C with exit 0, keeping its data',
    async () => {
      demo = await startDemo(env, 2 * MINUTE);
      const { urls } = demo;
      expect(demo.output()).toContain('Seeded 3 agents, 3 customers, 72 articles.');

      const storefront = await fetch(urls.storefront);
      expect(storefront.status).toBe(200);
      const storefrontHtml = await storefront.text();
      expect(storefrontHtml).toContain('甜甜糖果铺');
      const script = /src="(\/assets\/storefront-[^"]+\.js)"/.exec(storefrontHtml)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script ?? '', urls.storefront));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
      // A client-side route of the storefront reloads into the storefront.
      expect(await (await fetch(new URL('/orders', urls.storefront))).text()).toContain(
        '甜甜糖果铺',
      );

      const consolePage = await fetch(urls.console);
      expect(consolePage.status).toBe(200);
      expect(await consolePage.text()).toContain('客服工作台');

      const health = await getJson<{ ok: boolean }>(urls.status.replace(/status$/, 'health'));
      expect(health).toMatchObject({ status: 200, body: { ok: true } });
      const status = await getJson<{
        open: boolean;
        nextOpeningAt: number | null;
        agentsOnline: number;
        acceptingNow: boolean;
      }>(urls.status);
      expect(status.status).toBe(200);
      // The shop's real hours (09:00–22:00 Shanghai): open now, or told when it opens, within a day.
      const { open, nextOpeningAt } = status.body;
      if (open) expect(nextOpeningAt).toBeNull();
      else expect(nextOpeningAt).toBeGreaterThan(Date.now() - MINUTE);
      if (!open) expect(nextOpeningAt).toBeLessThan(Date.now() + 24 * 3_600_000);
      expect(status.body).toMatchObject({ agentsOnline: 0, acceptingNow: false });

      // The demo's sign-in: signed customers, agent tokens the gateway accepts.
      const session = await fetch(new URL('/api/customer-session', urls.storefront), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customerId: 'cus_lin' }),
      });
      expect(((await session.json()) as { signature: string }).signature).toMatch(/^[0-9a-f]{64}$/);
      const forged = await fetch(new URL('/api/orders', urls.storefront), {
        headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': '0'.repeat(64) },
      });
      expect(forged.status).toBe(401);

      expect(await demo.stop('SIGINT')).toBe(0);
      expect(demo.output()).toContain('Stopped; the data is saved.');

      // Started again on the same data folder: the data is there, nothing is seeded twice.
      demo = await startDemo(env, 2 * MINUTE);
      expect(demo.output()).toContain('Data found from an earlier run; nothing to seed.');
      const accounts = await getJson<{ agents: unknown[] }>(
        new URL('/api/accounts', demo.urls.storefront).href,
      );
      expect(accounts.body.agents).toHaveLength(3);
      expect(await demo.stop('SIGTERM')).toBe(0);
      demo = null;
    },
    3 * MINUTE,
  );

  // Like the other PostgreSQL tests of the repository: against the server DATABASE_URL names, when
  // there is one (CI starts one), in a schema of its own that is dropped afterwards.
  it.runIf(DATABASE_URL)(
    'runs on PostgreSQL when DATABASE_URL is set, and finds its data again after a restart',
    async () => {
      const schema = `candy_shop_test_${Date.now().toString(36)}`;
      const pgEnv = { ...env, DATABASE_URL: DATABASE_URL ?? '', KEFU_DATABASE_SCHEMA: schema };
      try {
        demo = await startDemo(pgEnv, 2 * MINUTE);
        expect(demo.output()).toContain(`schema ${schema}`);
        expect(demo.output()).toContain('Seeded 3 agents, 3 customers, 72 articles.');
        const status = await getJson<{ open: boolean }>(demo.urls.status);
        expect(status.status).toBe(200);
        expect(await demo.stop('SIGINT')).toBe(0);

        demo = await startDemo(pgEnv, 2 * MINUTE);
        expect(demo.output()).toContain('Data found from an earlier run; nothing to seed.');
        expect(await demo.stop('SIGTERM')).toBe(0);
        demo = null;
      } finally {
        await dropSchema(DATABASE_URL ?? '', schema);
      }
    },
    3 * MINUTE,
  );

  it(
    'end to end in Chromium: late parcel, bot, handoff, reply, delivery ticket, compensation accepted, CSAT',
    async () => {
      // Open around the clock, so the walk-through does not depend on the hour it runs at.
      demo = await startDemo(
        { ...env, KEFU_DATA_DIR: join(work, 'data-e2e'), KEFU_OPENING_HOURS: 'always' },
        2 * MINUTE,
      );
      browser = await launchChromium();
      const context = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
      const pageErrors: string[] = [];
      try {
        await walkThrough(browser, demo.urls, context, pageErrors);
        expect(pageErrors).toEqual([]);
      } catch (error) {
        await failWithPages(error, browser, pageErrors, 'failure');
      }
      expect(await demo.stop('SIGTERM')).toBe(0);
      demo = null;
    },
    5 * MINUTE,
  );
});

async function walkThrough(
  browser: Browser,
  urls: DemoUrls,
  context: { locale: string; timezoneId: string },
  pageErrors: string[],
): Promise<void> {
  const newPage = pageOpener(browser, context, pageErrors);
  // 王客服 signs in to the console and is online.
  const agent = await newPage({ width: 1440, height: 900 });
  await signInAgent(agent, urls, '王客服', 1);
  // The live metrics panel hears it from the gateway: one agent online.
  const onlineTile = agent
    .getByRole('region', { name: 'Live metrics' })
    .locator('.tile', { hasText: '在线 Online' })
    .locator('.tile-value');
  await waitUntil(
    'metrics panel shows 1 online',
    async () => (await onlineTile.textContent()) === '1',
  );

  // 林小糖 asks where her candy is; the bot answers from the knowledge base.
  const shop = await newPage({ width: 1280, height: 860 });
  await shop.goto(urls.storefront);
  await shop.getByLabel('Sign in as').selectOption('cus_lin');
  // "Add to cart" works: the cart in the header counts it.
  await shop.getByRole('button', { name: /^加入购物车 Add to cart: 大白兔奶糖/ }).click();
  await shop
    .getByRole('status')
    .getByText(/购物车 Cart: 1 · ¥39\.00/)
    .waitFor();
  // Her order page shows the parcel in Hangzhou; "ask customer service" opens the widget.
  await shop.getByRole('link', { name: '我的订单 My orders' }).click();
  await shop.getByRole('button', { name: 'SO-20261111-0042' }).click();
  const order = shop.getByRole('article', { name: '订单 SO-20261111-0042' });
  await order.getByText(/顺丰速运 SF1234567890 · 运输中 In transit · 杭州/).waitFor();
  await order.getByRole('button', { name: /咨询客服/ }).click();
  const composer = shop.getByPlaceholder('请输入消息');
  const messages = shop.getByRole('list', { name: '消息记录' });
  // Without an order number, the bot offers her own recent orders to pick from.
  await composer.fill('我的订单还没到');
  await composer.press('Enter');
  await messages.getByText(/您想查询哪一个订单？[\s\S]*SO-20261111-0042/).waitFor();
  await composer.fill('我的糖果什么时候到？订单 SO-20261111-0042');
  await composer.press('Enter');
  await messages.getByText(/我查到了订单 SO-20261111-0042：由顺丰速运配送/).waitFor();

  // 转人工: the bot hands off, routing gives the conversation to 王客服.
  await composer.fill('转人工');
  await composer.press('Enter');
  await messages.getByText('正在为您转接人工客服').waitFor();
  const inbox = agent.getByRole('navigation', { name: 'Inbox' });
  await inbox
    .getByRole('region', { name: 'My conversations' })
    // Agents see the customer's name masked (林小糖 → 林**): docs/concepts/privacy.md.
    .getByRole('button', { name: /林\*\*/ })
    .click();

  // The SLA badge says what it counts down to, when it is due and that closed hours do not
  // count; "Transfer to" starts on the conversation's own queue; the shortcuts are one click away.
  await agent
    .locator('.conversation-header .sla')
    .getByText(
      /首次响应 First reply ≤ \d+ 分钟 min · 截止 Due .* · 仅计营业时间 Closed hours excluded/,
    )
    .waitFor();
  expect(await agent.getByLabel('Transfer to').inputValue()).toMatch(/^queue:/);
  expect(await agent.getByLabel('Transfer to').locator('option:checked').textContent()).toMatch(
    /^原队列 Own queue/,
  );
  await agent.getByText('⌨ 快捷键 Shortcuts').click();
  await agent.getByRole('definition').getByText('下一个会话 Next conversation').waitFor();
  await agent.getByText('⌨ 快捷键 Shortcuts').click();

  // The agent sees the order the customer mentioned, answers with a canned reply, and leaves
  // an internal note the customer must never see.
  await agent
    .getByTestId('order-snapshot')
    .getByText(/SF1234567890/)
    .waitFor();
  await agent.getByRole('button', { name: '延误致歉 Late parcel' }).click();
  await agent.getByLabel('Reply', { exact: true }).press('Enter');
  await messages.getByText(/非常抱歉让您久等了！订单 SO-20261111-0042 的包裹在杭州滞留/).waitFor();
  // Links in messages are links, in the console and in the widget, and nothing else is HTML.
  await agent
    .getByLabel('Reply', { exact: true })
    .fill('物流详情 https://www.sf-express.com/track?no=SF1234567890');
  await agent.getByLabel('Reply', { exact: true }).press('Enter');
  const link = agent.locator('.thread a[href="https://www.sf-express.com/track?no=SF1234567890"]');
  await link.waitFor();
  expect(await link.getAttribute('rel')).toContain('noopener');
  await messages.locator('a[href="https://www.sf-express.com/track?no=SF1234567890"]').waitFor();
  await agent.getByLabel('内部备注 Internal note').check();
  await agent.getByLabel('Internal note', { exact: true }).fill('顾客很着急，已申请 20 元券');
  await agent.getByRole('button', { name: '添加备注 Add note' }).click();
  await agent.getByText('顾客很着急，已申请 20 元券').waitFor();

  // 赵主管 supervises live: the conversation is in the Supervisor tab with its agent and SLA; a
  // whisper reaches 王客服 at once, flagged as from a supervisor, and never the customer.
  const supervisor = await newPage({ width: 1280, height: 720 });
  await supervisor.goto(urls.console);
  await supervisor.getByRole('button', { name: /赵主管/ }).click();
  await supervisor.getByRole('tab', { name: '主管 Supervisor' }).click();
  const liveRow = supervisor
    .getByRole('table', { name: 'Live conversations' })
    .locator('tbody tr', { hasText: '王客服' });
  await liveRow.getByText('接待中 Active').waitFor();
  await liveRow.getByPlaceholder(/耳语 Whisper/).fill('先安抚，券已批准');
  await liveRow.getByRole('button', { name: '耳语 Whisper' }).click();
  await agent.locator('.bubble-whisper', { hasText: '先安抚，券已批准' }).waitFor();
  await agent.getByText(/主管耳语 Supervisor whisper/).waitFor();
  await screenshot(supervisor, 'console-supervisor');

  // A delivery ticket from the conversation, started, with a coupon proposed.
  await agent.getByLabel('Ticket subject').fill('包裹在杭州滞留');
  await agent.getByRole('button', { name: '创建工单 Open ticket' }).click();
  const ticket = agent.getByRole('article', { name: 'Ticket 包裹在杭州滞留' });
  await ticket.getByText('已分派 Triaged').waitFor();
  await ticket.getByRole('button', { name: '开始处理 Start' }).click();
  await ticket.getByText('处理中 In progress').waitFor();
  await ticket.getByLabel('Message to the customer').fill('为您补偿一张 20 元优惠券，包裹已加急');
  await ticket.getByRole('button', { name: '提出方案 Propose' }).click();
  await ticket.getByText('方案待确认 Proposal sent').waitFor();
  await screenshot(agent, 'console-conversation');
  await screenshot(shop, 'storefront-chat');

  // The customer accepts the proposal in the widget's ticket timeline.
  await shop.getByRole('button', { name: /我的工单/ }).click();
  await shop.getByText(/处理方案：赠送 .*20\.00 优惠券/).waitFor();
  await shop.getByRole('button', { name: '接受', exact: true }).click();
  await shop.getByText(/处理结果：赠送 .*20\.00 优惠券/).waitFor();
  await screenshot(shop, 'storefront-ticket');
  await ticket.getByText('已解决 Resolved').waitFor({ timeout: 30_000 });

  // The agent resolves the chat; the CSAT survey follows and the customer rates 5/5.
  await agent.getByRole('button', { name: '解决 Resolve', exact: true }).click();
  await shop.getByRole('button', { name: '返回对话' }).click();
  await shop.getByText('请对本次服务进行评价').waitFor({ timeout: 30_000 });
  const fives = shop.getByLabel('5 分（满分 5 分）');
  for (let index = 0; index < (await fives.count()); index += 1) {
    await fives.nth(index).check();
  }
  await shop.getByLabel('其他建议（选填）').fill('很快，谢谢！');
  await shop.getByRole('button', { name: '提交评价' }).click();
  await shop.getByText('感谢您的评价！').waitFor();
  await screenshot(shop, 'storefront-widget');
  expect(await shop.getByText('顾客很着急').count()).toBe(0);
  expect(await shop.getByText('先安抚，券已批准').count()).toBe(0);

  // The supervisor sees the rating in the report (agents cannot: reports are supervisors').
  await agent.getByRole('tab', { name: '报表 Reports' }).click();
  await agent.getByText('仅主管可见 Supervisors only').waitFor();
  await supervisor.getByRole('tab', { name: '报表 Reports' }).click();
  const csat = supervisor.getByTestId('csat-score');
  await csat.getByText(/1 份评价 responses/).waitFor({ timeout: 30_000 });
  expect(await csat.textContent()).toContain('100%');
  await screenshot(supervisor, 'console-reports');

  // Staffing: the week's forecast with agents planned, then a what-if day simulated on the server.
  await supervisor.getByRole('tab', { name: '排班 Staffing' }).click();
  await supervisor
    .getByRole('img', { name: 'Forecast chats and agents per hour' })
    .locator('canvas')
    .waitFor();
  await supervisor.getByLabel('在线客服 Agents').fill('4');
  await supervisor.getByRole('button', { name: /模拟明天 Simulate tomorrow/ }).click();
  const table = supervisor.getByRole('table');
  await table.getByText(/模拟 simulated vs Erlang C/).waitFor({ timeout: 120_000 });
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
  await supervisor
    .getByRole('img', { name: 'Simulated service level per hour' })
    .locator('canvas')
    .waitFor();
  await screenshot(supervisor, 'console-staffing');

  // Incident mode (应急): the supervisor switches to leave-a-message with a notice in both
  // languages; the storefront's widget shows it at once, and loses it when the incident ends.
  const notice = '物流系统故障，请先留言。';
  await supervisor.getByRole('tab', { name: '应急 Incident' }).click();
  await supervisor.getByText('正常运行 Normal operation').waitFor();
  await supervisor.getByLabel('留言模式 Leave a message').check();
  await supervisor.getByLabel('顾客公告（中文）Notice in Chinese').fill(notice);
  await supervisor.getByLabel('Notice in English').fill('Tracking is down; leave a message.');
  await supervisor.getByRole('button', { name: '启动应急 Start incident' }).click();
  await supervisor.getByText('应急模式中 Incident mode is on').waitFor();
  await shop.getByText(notice).waitFor({ timeout: 30_000 });
  await screenshot(supervisor, 'console-incident');
  // A plain agent has no switch, and finds their own reviews (none yet) under Quality.
  expect(await agent.getByRole('tab', { name: '应急 Incident' }).count()).toBe(0);
  await agent.getByRole('tab', { name: '质检 Quality' }).click();
  await agent.getByText('我的质检 My reviews').waitFor();
  await supervisor.getByRole('button', { name: '结束应急 End incident' }).click();
  await supervisor.getByText('正常运行 Normal operation').waitFor();
  await waitUntil('the banner is gone', async () => (await shop.getByText(notice).count()) === 0);
  // The history lists the incident, ended.
  const history = supervisor.getByRole('region', { name: '记录 History' }).getByRole('listitem');
  await waitUntil('the incident in the history', async () => (await history.count()) === 1);
  expect(await history.first().textContent()).toContain('agt_zhao');
  // The review screen: this week's sample, chosen by the week's seed.
  await supervisor.getByRole('tab', { name: '质检 Quality' }).click();
  await supervisor.getByText(/本周抽检 This week's sample \(\d{4}-W\d{2}\)/).waitFor();
  // The chat was resolved, not closed yet: nothing to sample, and no reviews so far.
  await supervisor.getByText('本周暂无已关闭会话 No closed conversations this week').waitFor();
  await supervisor.getByText('暂无 None yet').waitFor();

  // 赵主管 reviews 王客服's resolved chat: the transcript beside the scorecard, scored, submitted.
  await supervisor
    .getByRole('region', { name: '最近解决 Resolved, not yet closed' })
    .getByRole('button', { name: '开始质检 Review' })
    .first()
    .click();
  const transcript = supervisor.getByRole('region', { name: 'Transcript' });
  await transcript.getByText('我的糖果什么时候到？订单 SO-20261111-0042').waitFor();
  await transcript.getByText(/非常抱歉让您久等了/).waitFor();
  const scores: [string, string][] = [
    ['问候 Greeting', '90'],
    ['准确 Accuracy', '100'],
    ['共情 Empathy', '80'],
    ['解决问题 Resolution', '100'],
    ['合规 Compliance', '100'],
  ];
  for (const [label, score] of scores) await supervisor.getByLabel(label).fill(score);
  await supervisor.getByRole('button', { name: '保存评分 Save scores' }).click();
  await supervisor.getByText('总分 Total 96.67').waitFor();
  await screenshot(supervisor, 'console-review');
  await supervisor.getByRole('button', { name: '提交给客服 Submit to agent' }).click();
  await supervisor.getByRole('button', { name: /王客服 · 已提交 Submitted/ }).waitFor();

  // 王客服 sees the review among their own and disputes it; 赵主管 upholds it.
  await agent.getByRole('tab', { name: '会话 Conversations' }).click();
  await agent.getByRole('tab', { name: '质检 Quality' }).click();
  await agent.getByRole('button', { name: /王客服 · 已提交 Submitted · 96\.67/ }).click();
  await agent
    .getByRole('region', { name: 'Transcript' })
    .getByText(/非常抱歉让您久等了/)
    .waitFor();
  await agent.getByLabel('申诉理由 Why you dispute this review').fill('顾客很满意，共情不该扣分');
  await agent.getByRole('button', { name: '提交申诉 Dispute' }).click();
  await agent
    .getByText(/申诉中 Disputed/)
    .first()
    .waitFor();
  await supervisor.getByRole('tab', { name: '应急 Incident' }).click();
  await supervisor.getByRole('tab', { name: '质检 Quality' }).click();
  await supervisor.getByRole('button', { name: /王客服 · 申诉中 Disputed/ }).click();
  await supervisor.getByText('顾客很满意，共情不该扣分').waitFor();
  await supervisor.getByRole('button', { name: '维持原判 Uphold' }).click();
  await supervisor.getByRole('button', { name: /王客服 · 维持 Upheld/ }).waitFor();
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
