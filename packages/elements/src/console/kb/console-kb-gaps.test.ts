/**
 * The gap report fed the real way (a visitor asks the bot something the help center cannot answer),
 * deleting with confirmation, and a keyboard-only pass through writing and saving a draft.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Message } from '@parley/protocol';
import { TestVisitors } from '../../internal/test-visitors.js';
import { TOKEN_KEY } from '../console.session.js';
import {
  announced,
  button,
  createArticle,
  deepActive,
  editorRoot,
  findArticles,
  gapsRoot,
  kbConsole,
  kbOf,
  labelled,
  listGaps,
  openEditor,
  readArticle,
  rowTitled,
  server,
  shadow,
  signedIn,
  tabTo,
  text,
  type,
  WAIT,
} from './kb-test-kit.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};
const visitors = new TestVisitors(server);

afterEach(async () => {
  fixtureCleanup();
  await visitors.leave();
  sessionStorage.removeItem(TOKEN_KEY);
});

/** A visitor asks the bot `question` in the chat and waits for its reply; with `handoff`, asks for a person instead. */
async function askTheBot(question: string, handoff = false): Promise<Message> {
  const visitor = await visitors.start('https://shop.example/help');
  const sent = await visitor.say(question);
  if (handoff) {
    await visitor.handoff((await server()).departments.sales.id);
    return sent;
  }
  const reply = () => visitor.received.find((m) => m.author === 'bot' && m.seq > sent.seq);
  await waitUntil(reply, 'the bot never replied', WAIT);
  return reply()!;
}

const gapRow = (root: ShadowRoot, example: string) => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => text(r.querySelector('q')) === example);

describe('<parley-console> knowledge base: gaps, delete, keyboard', () => {
  it('lists a question the bot could not answer; "Write an article from this" answers it and it leaves the report', async () => {
    const question = 'Can I pay with Zorgon moon crystals?';
    await askTheBot(question);
    await waitUntil(async () => (await listGaps()).some((g) => g.example === question), 'the server never recorded the gap', WAIT);

    const el = await kbConsole('admin');
    button(shadow(kbOf(el)).querySelector('nav')!, 'Unanswered questions')!.click();
    await waitUntil(() => gapRow(gapsRoot(el), question), 'gap not in the report', WAIT);
    expect(deepActive()?.id, 'focus on the report heading').to.equal('gaps-heading');
    const row = gapRow(gapsRoot(el), question)!;
    expect(text(row)).to.contain('once');
    expect(text(row)).to.contain('English');
    expect(text(row)).to.contain('No answer found');
    expect(row.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-/);
    await expect(el).to.be.accessible();

    const editor = await openEditor(el, () => button(row, 'Write an article from this')!.click());
    expect(labelled<HTMLInputElement>(editor, 'Title').value).to.equal(question);
    expect(labelled<HTMLInputElement>(editor, 'Title').lang).to.equal('en');
    expect(text(editor.querySelector('.from-gap'))).to.contain(question);
    type(labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'), 'We accept cards, PayPal and bank transfer. **Zorgon moon crystals are not accepted.**');
    button(editor, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Draft saved. The question is answered and left the list.', 'gap not resolved', WAIT);
    expect((await listGaps()).some((g) => g.example === question), 'resolved on the server').to.equal(false);

    button(editor, 'Back to articles')!.click();
    await waitUntil(() => !editorRoot(el) && !gapsRoot(el).host?.hasAttribute('hidden'), 'not back on the report', WAIT);
    await waitUntil(() => !gapRow(gapsRoot(el), question) && !gapsRoot(el).querySelector('[aria-busy="true"]'), 'gap still listed', WAIT);
    expect(deepActive()?.id).to.equal('gaps-heading');
  });

  it('while the knowledge base is open, the Conversations switch counts the visitors waiting', async () => {
    const el = await kbConsole('admin');
    const nav = shadow(el).querySelector('nav.views')!;
    await askTheBot('A question about my Wallaby order', true);
    await waitUntil(() => nav.querySelector('.count.waiting'), 'no waiting count on the switch', WAIT);
    const count = Number(text(nav.querySelector('.count.waiting [aria-hidden="true"]')));
    expect(count).to.be.at.least(1);
    expect(text(button(nav, /^Conversations/))).to.contain(`${count} waiting`);
  });

  it('deletes a version after confirmation (supervisors and admins)', async () => {
    const a = await createArticle('admin', { locale: 'en', title: 'Numbat recycling scheme', body: 'Bring them back.' });
    const el = await kbConsole('admin');
    type(labelled<HTMLInputElement>(shadow(shadow(kbOf(el)).querySelector('parley-console-kb-list')!), 'Search articles'), 'Numbat recycling');
    await waitUntil(() => rowTitled(el, 'Numbat recycling scheme'), 'not listed', WAIT);
    const editor = await openEditor(el, () => rowTitled(el, 'Numbat recycling scheme')!.querySelector('button')!.click());
    const actions = editor.querySelector('.actions')!;
    button(actions, 'Delete')!.click();
    const dialog = editor.querySelector('dialog.delete') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    expect(text(dialog)).to.contain('The English version of “Numbat recycling scheme” will be deleted for good.');
    button(dialog, 'Cancel')!.click();
    await waitUntil(() => !dialog.open, 'cancel did not close', WAIT);
    expect((await readArticle(a.id))?.id, 'cancel keeps it').to.equal(a.id);

    button(actions, 'Delete')!.click();
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    button(dialog, 'Delete')!.click();
    await waitUntil(() => announced(el) === 'Deleted.', 'not deleted', WAIT);
    await waitUntil(() => !editorRoot(el), 'the editor of a deleted article stays open', WAIT);
    expect((await findArticles('Numbat recycling')).some((x) => x.id === a.id)).to.equal(false);
  });

  it('writes and saves a draft with the keyboard alone', async () => {
    const again = await signedIn('admin');
    (shadow(again).querySelector('.top h1') as HTMLElement).focus();

    await tabTo((a) => text(a) === 'Knowledge base' && a.closest('nav') !== null, 'the Knowledge base switch');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'kb-heading', 'focus did not move to the knowledge base', WAIT);

    await tabTo((a) => a.classList.contains('new'), 'New article');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'editor-heading', 'focus did not move to the editor', WAIT);

    await tabTo((a) => a.id === 'kb-title', 'the title');
    await sendKeys({ type: 'Keyboard written article about Bilby boxes' });
    await tabTo((a) => a.id === 'kb-body', 'the markdown');
    await sendKeys({ type: 'Bilby boxes are **sturdy**.' });
    const editor = editorRoot(again)!;
    await waitUntil(() => editor.querySelector('.beside .rendered strong'), 'no preview', WAIT);
    await tabTo((a) => text(a) === 'Save draft', 'Save draft');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announced(again) === 'Draft saved.', 'not saved by keyboard', WAIT);
    const saved = (await findArticles('Bilby boxes')).find((a) => a.title === 'Keyboard written article about Bilby boxes');
    expect(saved?.body).to.equal('Bilby boxes are **sturdy**.');
    expect(saved?.status).to.equal('draft');
  });
});
