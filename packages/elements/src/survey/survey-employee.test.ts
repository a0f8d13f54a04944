/// <reference types="mocha" />
/**
 * <parley-survey> in employee mode, in real Chromium against the REAL server: surveys are built and
 * opened over the console API as the seeded admin, and answered by the test intranet's employee
 * (emp-test-1, Finance) whose token the page fetches from /__parley__/employee-token.json. Each test
 * makes surveys of its own (the employee answers each once) and closes them afterwards.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EmployeeSurveyAdmin, EmployeeSurveyInput } from '@parley/protocol';
import './survey.js';
import type { ParleySurvey } from './survey.component.js';

const WAIT = { timeout: 15000, interval: 30 };
const TOKEN_URL = '/__parley__/employee-token.json';
const server = { url: '', siteKey: '', accounts: { admin: { email: '', password: '' } }, employeeToken: '' };
let admin = '';
const made: string[] = [];

before(async () => {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as typeof server);
  if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.accounts.admin) });
  admin = ((await res.json()) as { token: string }).token;
});
afterEach(async () => {
  fixtureCleanup();
  while (made.length) await consoleApi(`/${made.pop()}/close`, {});
});

async function consoleApi<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/console/employee-surveys${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const input = (title: string): EmployeeSurveyInput => ({
  title: { en: title, 'zh-CN': `${title}（简）`, 'zh-TW': `${title}（繁）` },
  intro: { en: 'Two minutes, anonymous.', 'zh-CN': '两分钟，匿名。', 'zh-TW': '兩分鐘，匿名。' },
  questions: [
    { type: 'rating', text: { en: 'How well informed are you?', 'zh-CN': '您获得信息的程度？', 'zh-TW': '您獲得資訊的程度？' }, required: true },
    { type: 'single', text: { en: 'Main channel?', 'zh-CN': '主要渠道？' }, required: true, options: [{ en: 'Email', 'zh-CN': '邮件' }, { en: 'Intranet', 'zh-CN': '内网' }] },
    { type: 'multiple', text: { en: 'Which do you read?' }, options: [{ en: 'Newsletter' }, { en: 'Banner' }] },
    { type: 'text', text: { en: 'Anything else?' } },
  ],
  audience: { kind: 'everyone' },
});

async function openSurvey(title: string): Promise<EmployeeSurveyAdmin> {
  const { survey } = await consoleApi<{ survey: EmployeeSurveyAdmin }>('', input(title));
  made.push(survey.id);
  await consoleApi(`/${survey.id}/open`, {});
  return survey;
}

/** What the server says about this survey for the test employee: 200 open, 409 answered. */
async function employeeStatus(id: string): Promise<number> {
  const res = await fetch(`${server.url}/api/surveys/employee/${server.siteKey}/${id}`, { headers: { authorization: `Bearer ${server.employeeToken}` } });
  return res.status;
}

const root = (el: ParleySurvey): ShadowRoot => el.shadowRoot!.querySelector('parley-survey-employee')!.shadowRoot!;
const text = (el: ParleySurvey): string => (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
const listed = (el: ParleySurvey, title: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button.survey-link')].find((b) => b.querySelector('.name')!.textContent === title);
const ready = (el: ParleySurvey) => () => !!el.shadowRoot!.querySelector('parley-survey-employee')?.shadowRoot && !root(el).querySelector('[aria-busy="true"]') && !!root(el).querySelector('h2, .state');

async function mount(o: { surveyId?: string; lang?: string; tokenUrl?: string } = {}): Promise<ParleySurvey> {
  const el = await fixture<ParleySurvey>(
    html`<parley-survey server=${server.url} site=${server.siteKey} employee-token-url=${o.tokenUrl ?? TOKEN_URL} survey-id=${o.surveyId ?? ''} lang=${o.lang ?? 'en'}></parley-survey>`,
  );
  await waitUntil(ready(el), 'the employee survey did not load', WAIT);
  return el;
}

describe('<parley-survey> employee mode', () => {
  it('lists my open surveys and opens one: fieldsets with legends, radio groups, labelled fields; axe clean', async () => {
    const a = await openSurvey('Channels A');
    const el = await mount();
    expect(root(el).querySelector('h2')!.textContent).to.equal('Surveys for you');
    const open = listed(el, 'Channels A');
    expect(open, 'the survey is listed').to.not.equal(undefined);
    expect(open!.textContent).to.contain('4 questions');
    await expect(el).to.be.accessible();

    open!.click();
    await waitUntil(() => root(el).querySelector('form'), 'the form did not open', WAIT);
    expect(root(el).activeElement?.id, 'focus moves to the title').to.equal('title');
    expect(root(el).querySelector('h2')!.textContent).to.equal('Channels A');
    const legends = [...root(el).querySelectorAll('fieldset > legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['1. How well informed are you? (required)', '2. Main channel? (required)', '3. Which do you read?']);
    expect(root(el).querySelectorAll(`input[type="radio"][name="q1"]`).length).to.equal(5);
    expect(root(el).querySelector('label[for="q1-1"]')!.textContent).to.contain('1 – Very poor');
    expect(root(el).querySelector('label[for="q2-o2"]')!.textContent).to.equal('Intranet');
    expect(root(el).querySelectorAll('input[type="checkbox"][name="q3"]').length).to.equal(2);
    expect(root(el).querySelector('label[for="q4"]')!.textContent).to.contain('Anything else?');
    expect(text(el)).to.contain('Your answers are anonymous');
    await expect(el).to.be.accessible();
    expect(await employeeStatus(a.id)).to.equal(200);
  });

  it('refuses to send without the required answers, says which, and sends nothing', async () => {
    const s = await openSurvey('Channels B');
    const el = await mount({ surveyId: s.id });
    (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', WAIT);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal('2 questions need an answer.');
    expect(root(el).querySelector('#q1-error')!.textContent).to.equal('Please answer this question.');
    expect(root(el).querySelector('#q2-error')).to.not.equal(null);
    expect(root(el).querySelector('#q3-error')).to.equal(null);
    expect(root(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('q1-error');
    expect(root(el).activeElement?.getAttribute('name'), 'focus on the first unanswered question').to.equal('q1');
    await expect(el).to.be.accessible();
    expect(await employeeStatus(s.id), 'nothing was sent').to.equal(200);
  });

  it('is answered with the keyboard alone, thanks, and is not offered again', async () => {
    const s = await openSurvey('Channels C');
    const el = await mount({ surveyId: s.id });
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id, 'the rating group').to.equal('q1-1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('q2-o1');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('q3-o1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('q4');
    await sendKeys({ type: 'More town halls' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('type')).to.equal('submit');
    const answered = oneEvent(el, 'parley-employee-survey-answered');
    await sendKeys({ press: 'Enter' });
    expect((await answered).detail).to.deep.equal({ surveyId: s.id });
    await waitUntil(() => root(el).querySelector('#done-title'), 'no thank-you', WAIT);
    expect(root(el).activeElement?.id).to.equal('done-title');
    expect(text(el)).to.contain('Your answers were recorded anonymously.');
    await waitUntil(() => root(el).querySelector('[role="status"]')!.textContent!.includes('Thank you'), 'not announced', WAIT);
    await expect(el).to.be.accessible();
    expect(await employeeStatus(s.id), 'answered').to.equal(409);
    start.remove();

    fixtureCleanup();
    const again = await mount({ surveyId: s.id });
    expect(text(again)).to.contain('You have already answered this survey.');
    fixtureCleanup();
    const list = await mount();
    expect(listed(list, 'Channels C'), 'no longer listed').to.equal(undefined);
  });

  it('reads in 简体 and 繁體: the survey texts and its own words', async () => {
    const s = await openSurvey('Channels D');
    const zh = await mount({ surveyId: s.id, lang: 'zh-CN' });
    expect(root(zh).querySelector('h2')!.textContent).to.equal('Channels D（简）');
    expect(root(zh).querySelector('fieldset > legend')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1. 您获得信息的程度？ （必答）');
    expect(root(zh).querySelector('label[for="q2-o1"]')!.textContent).to.equal('邮件');
    expect(root(zh).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('提交回答');
    fixtureCleanup();
    const tw = await mount({ surveyId: s.id, lang: 'zh-TW' });
    expect(root(tw).querySelector('h2')!.textContent).to.equal('Channels D（繁）');
    expect(root(tw).querySelector('label[for="q2-o1"]')!.textContent, 'zh-TW falls back to zh-CN').to.equal('邮件');
    expect(root(tw).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('送出回答');
    await expect(tw).to.be.accessible();
  });

  it('replaces a refused (expired) token from the intranet once, and carries on', async () => {
    const s = await openSurvey('Channels E');
    const el = await fixture<ParleySurvey>(
      html`<parley-survey server=${server.url} site=${server.siteKey} employee-token="expired.or.forged" employee-token-url=${TOKEN_URL} lang="en"></parley-survey>`,
    );
    await waitUntil(ready(el), 'the employee survey did not load', WAIT);
    expect(listed(el, 'Channels E'), 'listed with the fresh token').to.not.equal(undefined);
    expect(await employeeStatus(s.id)).to.equal(200);
  });

  it('says so when the intranet sign-in fails or the survey is not open for me', async () => {
    const broken = await mount({ tokenUrl: '/__parley__/no-such-token.json' });
    expect(text(broken)).to.contain('Your intranet sign-in could not be checked');
    fixtureCleanup();
    const gone = await mount({ surveyId: '00000000-0000-4000-8000-000000000000' });
    expect(text(gone)).to.contain('This survey is not open for you');
    await expect(gone).to.be.accessible();
  });
});
