/**
 * The demo intranet's survey (DEMO_INTRANET=on only, like the demo employee tokens): the first time a
 * demo employee asks for their surveys and the demo site has none, the company's half-yearly survey
 * about the communication channels is opened for everyone, so /intranet shows the survey with nothing
 * else to set up. A production server (DEMO_INTRANET off) never writes it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { EmployeeQuestion } from '@parley/protocol';
import type { AppContext } from '../../context.js';
import { sites } from '../../db/schema.js';
import { employeeSurveys } from './schema.js';

const QUESTIONS: EmployeeQuestion[] = [
  { id: 'q1', type: 'rating', required: true, text: { en: 'How well informed do you feel about what happens in the company?', 'zh-CN': '您觉得自己对公司动态的了解程度如何？', 'zh-TW': '您覺得自己對公司動態的了解程度如何？' } },
  {
    id: 'q2',
    type: 'single',
    required: true,
    text: { en: 'Where do you usually learn company news first?', 'zh-CN': '您通常最先从哪里得知公司消息？', 'zh-TW': '您通常最先從哪裡得知公司消息？' },
    options: [
      { id: 'o1', text: { en: 'Intranet announcements', 'zh-CN': '内网公告', 'zh-TW': '內網公告' } },
      { id: 'o2', text: { en: 'Email', 'zh-CN': '邮件', 'zh-TW': '電子郵件' } },
      { id: 'o3', text: { en: 'My manager', 'zh-CN': '我的主管', 'zh-TW': '我的主管' } },
      { id: 'o4', text: { en: 'Colleagues', 'zh-CN': '同事', 'zh-TW': '同事' } },
    ],
  },
  {
    id: 'q3',
    type: 'multiple',
    required: false,
    text: { en: 'Which channels would you like to see more of?', 'zh-CN': '您希望增加哪些沟通渠道？', 'zh-TW': '您希望增加哪些溝通管道？' },
    options: [
      { id: 'o1', text: { en: 'Town hall meetings', 'zh-CN': '全员大会', 'zh-TW': '全員大會' } },
      { id: 'o2', text: { en: 'Team meetings', 'zh-CN': '团队例会', 'zh-TW': '團隊例會' } },
      { id: 'o3', text: { en: 'Newsletter', 'zh-CN': '内部简报', 'zh-TW': '內部簡報' } },
    ],
  },
  { id: 'q4', type: 'text', required: false, text: { en: 'What would improve communication in your department?', 'zh-CN': '怎样能改善您所在部门的沟通？', 'zh-TW': '怎樣能改善您所在部門的溝通？' } },
];

export async function ensureDemoSurvey(ctx: AppContext, siteId: string): Promise<void> {
  if (!ctx.config.demoIntranet) return;
  const [demo] = await ctx.db.select({ id: sites.id }).from(sites).orderBy(asc(sites.createdAt)).limit(1);
  if (demo?.id !== siteId) return;
  await ctx.db.transaction(async (tx) => {
    // Two first visits at once write one survey.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley:demo-employee-survey'))`);
    const [any] = await tx.select({ id: employeeSurveys.id }).from(employeeSurveys).where(eq(employeeSurveys.siteId, siteId)).limit(1);
    if (any) return;
    const now = ctx.clock();
    await tx.insert(employeeSurveys).values({
      siteId,
      title: { en: 'Communication channels survey', 'zh-CN': '沟通渠道调查', 'zh-TW': '溝通管道調查' },
      intro: { en: 'Twice a year we ask every department how well our communication channels work. It takes two minutes.', 'zh-CN': '我们每半年向各部门了解沟通渠道的效果，约需两分钟。', 'zh-TW': '我們每半年向各部門了解溝通管道的成效，約需兩分鐘。' },
      questions: QUESTIONS,
      audienceKind: 'everyone',
      status: 'open',
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  });
}
