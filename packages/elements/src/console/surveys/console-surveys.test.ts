/**
 * The console's employee surveys against the REAL server: an admin writes a survey in the editor,
 * opens it; employees answer through the employee API with tokens their intranet signs; results stay
 * withheld until five have answered, then show counts; the survey closes; agents have no such view.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { EmployeeSurveyAdmin } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { button, deepActive, labelled, server, shadow, signedIn, text, tokenOf, type, unique, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleSurveys } from './console-surveys.component.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

const realConfirm = window.confirm;
afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  window.confirm = realConfirm;
});

const viewOf = (el: ParleyConsole) => shadow(el).querySelector('parley-console-surveys') as ParleyConsoleSurveys | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const editorRoot = (el: ParleyConsole) => shadow(root(el).querySelector('parley-console-survey-editor')!);
const announced = (el: ParleyConsole) => text(root(el).querySelector('[role="status"]'));

async function employeeToken(sub: string, departments: string[] = []): Promise<string> {
  const res = await fetch(`/__parley__/employee-token.json?sub=${encodeURIComponent(sub)}&departments=${encodeURIComponent(departments.join(','))}`);
  return ((await res.json()) as { token: string }).token;
}

async function answer(surveyId: string, sub: string, answers: Record<string, unknown>): Promise<number> {
  const s = await server();
  const res = await fetch(`${s.url}/api/surveys/employee/${s.siteKey}/${surveyId}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await employeeToken(sub)}` },
    body: JSON.stringify({ answers }),
  });
  return res.status;
}

async function surveyTitled(title: string): Promise<EmployeeSurveyAdmin | undefined> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/employee-surveys`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
  return ((await res.json()) as { surveys: EmployeeSurveyAdmin[] }).surveys.find((v) => v.title.en === title);
}

describe('<parley-console> employee surveys', () => {
  it('an admin writes and opens a survey; results appear from five answers on; a second answer is refused; closing ends it', async () => {
    const title = unique('Channels survey ');
    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Surveys')!.click();
    await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('#surveys-heading'), 'the surveys view did not load', WAIT);
    await waitUntil(() => deepActive()?.id === 'surveys-heading', 'focus did not move to the heading', WAIT);

    button(root(el), 'New survey')!.click();
    await waitUntil(() => root(el).querySelector('parley-console-survey-editor')?.shadowRoot?.querySelector('h3'), 'no editor', WAIT);
    const ed = editorRoot(el);
    expect(text(ed.querySelector('h3'))).to.equal('New survey');
    type(labelled<HTMLInputElement>(ed, 'Title · English'), title);
    type(labelled<HTMLInputElement>(ed, 'Title · 简体中文'), '沟通渠道调查');
    type(labelled<HTMLInputElement>(ed, 'Question · English'), 'How well do our channels work for you?');
    button(ed, 'Add question')!.click();
    await waitUntil(() => ed.querySelectorAll('fieldset.question').length === 2, 'no second question', WAIT);
    const typeSelect = ed.querySelector<HTMLSelectElement>('#q1-type')!;
    typeSelect.value = 'single';
    typeSelect.dispatchEvent(new Event('change'));
    await waitUntil(() => ed.querySelector('#q1-o1-en'), 'no options for a choice question', WAIT);
    type(ed.querySelector<HTMLInputElement>('#q1-text-en')!, 'Which channel do you use most?');
    type(ed.querySelector<HTMLInputElement>('#q1-o0-en')!, 'Email');
    type(ed.querySelector<HTMLInputElement>('#q1-o1-en')!, 'Chat');

    await expect(root(el).querySelector('parley-console-survey-editor')).to.be.accessible();

    button(ed, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Draft saved.', `not saved (${announced(el)})`, WAIT);
    const draft = await surveyTitled(title);
    expect(draft?.status).to.equal('draft');
    expect(draft?.title['zh-CN']).to.equal('沟通渠道调查');
    expect(draft?.questions.map((q) => [q.type, q.options?.map((o) => o.text.en) ?? null])).to.deep.equal([
      ['rating', null],
      ['single', ['Email', 'Chat']],
    ]);
    // Not open yet: an employee cannot answer.
    expect(await answer(draft!.id, 'emp-early', { q1: 4, q2: 'o1' })).to.equal(404);

    type(labelled<HTMLInputElement>(editorRoot(el), 'How many people are asked (optional, for the response rate)'), '10');
    button(editorRoot(el), 'Open now')!.click();
    await waitUntil(() => announced(el) === 'The survey is open.', `not opened (${announced(el)})`, WAIT);
    await waitUntil(() => /Fewer than 5 answers/.test(text(root(el).querySelector('.notice'))), 'results were not withheld below five', WAIT);

    const who = ['emp-a', 'emp-b', 'emp-c', 'emp-d', 'emp-e'].map((p) => unique(p));
    for (const [i, sub] of who.entries()) expect(await answer(draft!.id, sub, { q1: i < 3 ? 5 : 2, q2: i < 4 ? 'o2' : 'o1' })).to.equal(201);
    expect(await answer(draft!.id, who[0]!, { q1: 1, q2: 'o1' }), 'a second answer').to.equal(409);

    // Reopen it while open: five answers and the rate, but no answers until it closes.
    button(root(el), 'Back to surveys')!.click();
    await waitUntil(() => button(root(el), title), 'the survey is not listed', WAIT);
    button(root(el), title)!.click();
    await waitUntil(() => /^Responses ?5/.test(text(root(el).querySelector('.summary'))), 'the count of five is not shown', WAIT);
    const r = root(el);
    expect(text(r.querySelector('.summary'))).to.contain('50%');
    expect(text(r.querySelector('.notice'))).to.match(/^Answers are shown when the survey closes/);
    expect(r.querySelector('.question-result')).to.equal(null);

    window.confirm = () => true;
    button(r, 'Close survey')!.click();
    await waitUntil(() => announced(el) === 'The survey is closed.', 'not closed', WAIT);
    expect((await surveyTitled(title))?.status).to.equal('closed');
    // Closed: counted per point and per option.
    await waitUntil(() => root(el).querySelector('.question-result'), 'no results after closing', WAIT);
    const rows = [...root(el).querySelectorAll('.question-result table.bars tr')].map((tr) => text(tr));
    expect(rows).to.include.members(['5 of 5 3', '2 of 5 2', 'Chat 4', 'Email 1']);
    expect(await answer(draft!.id, unique('emp-late'), { q1: 3, q2: 'o1' })).to.equal(404);

    fixtureCleanup();
    const agent = await signedIn('alice');
    expect(button(shadow(agent).querySelector('nav.views')!, 'Surveys')).to.equal(undefined);
  });

  it('customer surveys: an admin changes the NPS question and frequency; answers are listed with their comments', async () => {
    const s = await server();
    // An NPS answer with a comment of this test's own, as a visitor would give it.
    const visitor = (await (await fetch(`${s.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: s.siteKey }) })).json()) as { token: string };
    const asked = (await (await fetch(`${s.url}/api/surveys/sites/${s.siteKey}/nps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorToken: visitor.token, locale: 'en' }) })).json()) as { token: string };
    const comment = unique('Fast and kind ');
    const answered = await fetch(`${s.url}/api/surveys/invitations/${asked.token}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 9, comment }) });
    expect(answered.status).to.equal(201);

    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Surveys')!.click();
    await waitUntil(() => viewOf(el)?.shadowRoot && button(root(el), 'Customer surveys (CSAT, NPS)'), 'no customer tab', WAIT);
    button(root(el), 'Customer surveys (CSAT, NPS)')!.click();
    const panel = () => root(el).querySelector('parley-console-customer-surveys')?.shadowRoot ?? null;
    await waitUntil(() => panel()?.querySelector('#nps-zh-CN') && [...panel()!.querySelectorAll('td.comment')].some((td) => text(td) === comment), 'settings or the answer did not load', WAIT);
    const p = panel()!;
    const row = [...p.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('td.comment')) === comment)!;
    expect(text(row.querySelector('td.num'))).to.equal('9');
    expect(text(row)).to.contain('The company (NPS)');

    const question = unique('您向朋友推荐我们的可能性有多大？');
    type(p.querySelector<HTMLInputElement>('#nps-zh-CN')!, question);
    type(labelled<HTMLInputElement>(p, 'Ask one person NPS at most once in this many days'), '120');
    type(labelled<HTMLInputElement>(p, 'Ask returning visitors NPS after this many days (empty: never)'), '30');
    button(p, 'Save')!.click();
    await waitUntil(() => text(p.querySelector('[role="status"]')) === 'Survey settings saved.', 'not saved', WAIT);
    const saved = (await (await fetch(`${s.url}/api/console/surveys/settings`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } })).json()) as { settings: { npsFrequencyDays: number; npsAfterDays: number | null; questions: { nps: Record<string, string> } } };
    expect(saved.settings.npsFrequencyDays).to.equal(120);
    expect(saved.settings.npsAfterDays).to.equal(30);
    expect(saved.settings.questions.nps['zh-CN']).to.equal(question);

    // 0 days is stopped by the field itself; a question longer than the server takes says why; neither changes anything.
    const days = labelled<HTMLInputElement>(p, 'Ask one person NPS at most once in this many days');
    type(days, '0');
    expect(days.validity.rangeUnderflow).to.equal(true);
    type(days, '120');
    type(p.querySelector<HTMLInputElement>('#csat-en')!, 'x'.repeat(301));
    button(p, 'Save')!.click();
    await waitUntil(() => /longer than 300 characters/.test(text(p.querySelector('.error[role="alert"]'))), 'no error for a long question', WAIT);
    const after = (await (await fetch(`${s.url}/api/console/surveys/settings`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } })).json()) as { settings: { npsFrequencyDays: number } };
    expect(after.settings.npsFrequencyDays).to.equal(120);
    await expect(root(el).querySelector('parley-console-customer-surveys')).to.be.accessible();

    // Back to the defaults for the other tests on this server.
    await fetch(`${s.url}/api/console/surveys/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('admin')}` },
      body: JSON.stringify({ npsFrequencyDays: 90, npsAfterDays: null, questions: { nps: { 'zh-CN': null } } }),
    });
  });
});
