/**
 * Ticket search in the console inbox: index build time and heap, then latency of a search as the
 * route runs it (`listTickets` with `q`: number lookup, the engine's ranking, the view and access
 * conditions checked in the database, one page of rows), on one process.
 *
 *   node --import tsx test/load/ticket-search.ts [--tickets=20000] [--queries=300] [--seed=11]
 *   TEST_DATABASE_URL=postgres://... node --import tsx test/load/ticket-search.ts   (PostgreSQL)
 *
 * Tickets are written straight into the tables (the API would take minutes for 20,000): a third each
 * in en, zh-CN and zh-TW, subject and two to four thread entries built from product, problem and
 * place vocabulary, ~400 characters of thread. Half of them go to Sales, half to Support. Queries:
 * product and problem words, two-word queries, typos, prefixes, Chinese words in either script and
 * ticket numbers, by the admin (every ticket) and by Bob (Support only).
 */
import type { Locale } from '../../packages/protocol/src/index.js';
// First: the schema modules import each other, and the server's entry loads them in a working order.
import { startTestServer } from '../../server/src/testing.js';
import { siteIdOf } from '../../server/src/kb/test-kit.js';
import { KbIndex } from '../../server/src/kb/search/index.js';
import { staffOf } from '../../server/src/tickets/access.js';
import { rankTickets } from '../../server/src/tickets/search-index.js';
import { listTickets } from '../../server/src/tickets/inbox.js';
import { formatTicketNumber } from '../../server/src/tickets/numbers.js';
import { ticketEntries, tickets } from '../../server/src/tickets/schema.js';
import { flags, fmt, heapAfterGc, machine, mib, percentile, seededRandom, sortedOf, table } from './lib.js';

const f = flags();
const ticketCount = Number(f.tickets ?? 20_000);
const queryCount = Number(f.queries ?? 300);
const WARMUP = 50;
/** The same generated data on every run. */
const { rand, pick } = seededRandom(Number(f.seed ?? 11));

const heap = heapAfterGc;

const LOCALES: Locale[] = ['en', 'zh-CN', 'zh-TW'];
const V = {
  product: [
    ['wireless earbuds', '无线耳机', '無線耳機'], ['robot vacuum', '扫地机器人', '掃地機器人'], ['air fryer', '空气炸锅', '氣炸鍋'],
    ['smart watch', '智能手表', '智慧手錶'], ['espresso machine', '咖啡机', '咖啡機'], ['mechanical keyboard', '机械键盘', '機械鍵盤'],
    ['baby stroller', '婴儿推车', '嬰兒推車'], ['washing machine', '洗衣机', '洗衣機'], ['rice cooker', '电饭煲', '電子鍋'],
    ['running shoes', '跑鞋', '慢跑鞋'], ['tablet case', '平板保护套', '平板保護套'], ['electric toothbrush', '电动牙刷', '電動牙刷'],
  ],
  problem: [
    ['arrived broken', '收到时已经坏了', '收到時已經壞了'], ['never arrived', '一直没有收到', '一直沒有收到'], ['wrong colour', '颜色发错了', '顏色發錯了'],
    ['refund not received', '退款还没到账', '退款還沒到帳'], ['cannot log in to my account', '账号无法登录', '帳號無法登入'],
    ['charged twice', '被扣款两次', '被扣款兩次'], ['battery drains fast', '电池掉电很快', '電池掉電很快'], ['want to return it', '想申请退货', '想申請退貨'],
  ],
  place: [['Shanghai', '上海', '上海'], ['Taipei', '台北', '台北'], ['Singapore', '新加坡', '新加坡'], ['Shenzhen', '深圳', '深圳'], ['Vancouver', '温哥华', '溫哥華']],
  filler: [
    ['Could you please check what happened and tell me what to do next?', '麻烦帮我查一下是怎么回事，接下来我该怎么办？', '麻煩幫我查一下是怎麼回事，接下來我該怎麼辦？'],
    ['I have attached a photo of the box and the receipt from the store.', '我附上了包装盒和购物小票的照片。', '我附上了包裝盒和購物收據的照片。'],
    ['Thanks, we have passed this to the warehouse and will update you within two days.', '谢谢，我们已经转给仓库，两天内给您答复。', '謝謝，我們已經轉給倉庫，兩天內給您答覆。'],
    ['Customer called again this morning, still waiting for the courier.', '客户今天上午又来电，还在等快递。', '客戶今天上午又來電，還在等快遞。'],
  ],
} as const;

const clockStart = new Date('2026-12-01T08:00:00Z');
const server = await startTestServer({ clock: () => clockStart });
const ctx = server.app.ctx;
const db = server.database.db;
const siteId = await siteIdOf(server);

const t0 = performance.now();
const numbers: string[] = [];
for (let start = 0; start < ticketCount; start += 1000) {
  const rows = [];
  const threads: string[][] = [];
  for (let i = start; i < Math.min(ticketCount, start + 1000); i++) {
    const l = i % 3;
    const product = pick(V.product)[l]!;
    const problem = pick(V.problem)[l]!;
    const place = pick(V.place)[l]!;
    const subject = l === 0 ? `${product} ${problem}` : `${product}${problem}`;
    const number = formatTicketNumber(2026, i + 1);
    numbers.push(number);
    rows.push({
      siteId,
      number,
      subject,
      source: 'feedback' as const,
      locale: LOCALES[l]!,
      departmentId: i % 2 ? server.departments.support.id : server.departments.sales.id,
      contactName: `Customer ${i}`,
      contactEmail: `customer${i}@example.com`,
      targetMinutes: 120,
      firstResponseDueAt: clockStart,
      createdAt: new Date(clockStart.getTime() - (ticketCount - i) * 60_000),
      updatedAt: new Date(clockStart.getTime() - (ticketCount - i) * 60_000),
    });
    const n = 2 + Math.floor(rand() * 3);
    threads.push(Array.from({ length: n }, (_, k) => (k === 0 ? `${subject}. ${place}. ${pick(V.filler)[l]}` : `${pick(V.filler)[l]} ${pick(V.filler)[l]}`)));
  }
  const made = await db.insert(tickets).values(rows).returning({ id: tickets.id });
  await db.insert(ticketEntries).values(made.flatMap((m, j) => threads[j]!.map((body) => ({ ticketId: m.id, kind: 'public' as const, author: 'customer' as const, body, via: 'web' as const }))));
}
const written = performance.now() - t0;

const admin = await staffOf(ctx, server.accounts.admin.id);
const bob = await staffOf(ctx, server.accounts.bob.id);
// Load jieba's dictionary and OpenCC's tables first: they are not the index.
new KbIndex().add({ id: 'w', groupId: 'w', locale: 'zh-TW', title: '預熱 warm', body: '预热', keywords: [] });
const before = heap();
const b0 = performance.now();
await listTickets(ctx, admin, siteId, { view: 'all', q: 'warmup', limit: 50 });
const build = performance.now() - b0;
const indexHeap = heap() - before;

const KINDS = ['product', 'product + problem word', 'typo', 'prefix', 'two Han characters', 'number', 'place'] as const;
function query(): { kind: (typeof KINDS)[number]; q: string } {
  const l = Math.floor(rand() * 3);
  const product = pick(V.product)[l]!;
  const problem = pick(V.problem)[l]!;
  const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
  switch (kind) {
    case 'product':
      return { kind, q: product };
    case 'product + problem word':
      return { kind, q: `${product} ${problem.split(' ')[0]}` };
    case 'typo':
      return { kind, q: pick(V.product)[0]!.split(' ').at(-1)!.replace(/(\w)(\w)$/, '$2$1') };
    case 'prefix':
      return { kind, q: pick(V.product)[0]!.slice(0, 5) };
    case 'two Han characters':
      return { kind, q: pick(V.problem)[1 + Math.floor(rand() * 2)]!.slice(0, 2) };
    case 'number':
      return { kind, q: pick(numbers) };
    default:
      return { kind, q: pick(V.place)[l]! };
  }
}

const times: Record<'admin' | 'bob', number[]> = { admin: [], bob: [] };
let found = 0;
const engine: number[] = [];
const plain: number[] = [];
const byKind: Record<string, number[]> = {};
for (let i = 0; i < queryCount + WARMUP; i++) {
  const who = i % 2 ? 'bob' : 'admin';
  const { kind, q } = query();
  const s = performance.now();
  const page = await listTickets(ctx, who === 'bob' ? bob : admin, siteId, { view: 'all', q, limit: 50 });
  const ms = performance.now() - s;
  if (page.length) found++;
  if (i >= WARMUP) times[who].push(ms);
  if (i >= WARMUP) (byKind[kind] ??= []).push(ms);
  if (who === 'bob') {
    // For scale: the same person's list without a search (one query, newest change first).
    const p = performance.now();
    await listTickets(ctx, bob, siteId, { view: 'all', limit: 50 });
    if (i >= WARMUP) plain.push(performance.now() - p);
  }
  if (who === 'admin') {
    // The engine's share: the same query, ranking only (the index is fresh, so no rows are read).
    const e = performance.now();
    await rankTickets(ctx, siteId, q);
    if (i >= WARMUP) engine.push(performance.now() - e);
  }
}
await server.close();

console.log(`Ticket search: ${ticketCount} tickets on ${server.database.driver}, ${queryCount} timed searches after ${WARMUP} warm-up (${found} of them found something).`);
console.log(`Written in ${fmt(written / 1000, 1)} s; index built on the first search in ${fmt(build / 1000, 2)} s, ${fmt(mib(indexHeap), 1)} MiB of heap.`);
console.log(
  table(
    ['who', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    [...(['admin', 'bob'] as const).map((w) => [w, times[w]] as const), ['admin, index refresh + ranking only', engine] as const, ['bob, the list without a search', plain] as const].map(([w, values]) => {
      const s = sortedOf(values);
      return [w, s.length, fmt(percentile(s, 50), 2), fmt(percentile(s, 95), 2), fmt(percentile(s, 99), 2), fmt(s[s.length - 1]!, 2)];
    }),
  ),
);
console.log(
  table(
    ['query kind (both people)', 'n', 'p50 ms', 'p95 ms', 'max ms'],
    KINDS.map((k) => {
      const s = sortedOf(byKind[k] ?? []);
      return [k, s.length, fmt(percentile(s, 50), 2), fmt(percentile(s, 95), 2), fmt(s[s.length - 1]!, 2)];
    }),
  ),
);
console.log(machine());
