/**
 * The Site tab of Settings against the REAL server: an admin sees the site's settings (never its
 * secret), changes origins, the launcher colour (live preview and contrast warning), side, greeting
 * and offline message; a bad origin shows the server's reason; the identity secret is rotated after a
 * confirmation and shown once with a copy button. Every test puts the site back as it found it: other
 * files' chats run against the same site.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SiteInfo, SiteSettings } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { button, choose, deepActive, labelled, server, shadow, signedIn, text, tokenOf, type, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleSiteSettings } from './console-site-settings.component.js';
import '../console.js';
import './site-settings.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as { describe: (n: string, fn: () => void) => void; it: (n: string, fn: () => unknown) => void; afterEach: Hook };

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const s = await server();
  const res = await fetch(`${s.url}${path}`, { method, headers: { authorization: `Bearer ${await tokenOf('admin')}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return (await res.json()) as T;
}
const siteNow = async () => (await rest<{ sites: SiteSettings[] }>('GET', '/api/console/sites')).sites[0]!;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  const site = await siteNow();
  await rest('PATCH', `/api/console/sites/${site.id}`, { allowedOrigins: ['*'], employeeJwksUrl: null, widget: { colour: '#2f5bd3', position: 'right', offset: 20, greeting: { en: '', 'zh-CN': '', 'zh-TW': '' }, offlineMessage: { en: '', 'zh-CN': '', 'zh-TW': '' } } });
});

const viewOf = (el: ParleyConsole) => shadow(shadow(el).querySelector('parley-console-settings')!).querySelector('parley-console-site-settings') as ParleyConsoleSiteSettings | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const announced = (el: ParleyConsole) => text(root(el).querySelector('.visually-hidden[role="status"]'));

async function openSite(lang = 'en'): Promise<ParleyConsole> {
  const el = await signedIn('admin', lang);
  button(shadow(el).querySelector('nav.views')!, lang === 'en' ? 'Settings' : '设置')!.click();
  const settings = () => shadow(el).querySelector('parley-console-settings');
  await waitUntil(() => settings()?.shadowRoot?.querySelector('[role="tab"]'), 'settings did not open', WAIT);
  button(shadow(settings()!), lang === 'en' ? 'Site' : '站点')!.click();
  await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('#site-name'), 'the site settings did not load', WAIT);
  return el;
}

describe('<parley-console> settings: site', () => {
  it('an admin changes origins, the launcher and the texts; low contrast warns; a bad origin is refused with the reason', async () => {
    const s = await server();
    const el = await openSite();
    const r = root(el);
    expect(labelled<HTMLInputElement>(r, 'Site key').value).to.equal(s.siteKey);
    expect(labelled<HTMLInputElement>(r, 'Site key').readOnly).to.equal(true);
    expect(labelled<HTMLTextAreaElement>(r, 'Allowed origins').value).to.equal('*');
    await expect(viewOf(el)).to.be.accessible();

    // A bad origin: the server's reason, nothing saved.
    type(labelled<HTMLTextAreaElement>(r, 'Allowed origins'), 'https://shop.example/\n');
    button(r, 'Save')!.click();
    await waitUntil(() => text(r.querySelector('.error')).includes('exact origin'), 'no refusal shown', WAIT);
    await waitUntil(() => deepActive() === r.querySelector('.error'), 'focus did not move to the error', WAIT);
    expect((await siteNow()).allowedOrigins).to.deep.equal(['*']);

    // A light colour: the preview follows and a contrast warning shows before saving.
    type(labelled<HTMLInputElement>(r, 'Colour (hex)'), '#ffcc00');
    await waitUntil(() => r.querySelector('#contrast.warning'), 'no contrast warning', WAIT);
    expect(text(r.querySelector('#contrast'))).to.match(/contrast of 1\.\d\d:1, below 4\.5:1/);
    expect(getComputedStyle(r.querySelector('.swatch')!).backgroundColor).to.equal('rgb(255, 204, 0)');
    type(labelled<HTMLInputElement>(r, 'Colour (hex)'), '#1d4ed8');
    await waitUntil(() => text(r.querySelector('#contrast')).startsWith('White text contrast'), 'the warning stayed', WAIT);

    type(labelled<HTMLTextAreaElement>(r, 'Allowed origins'), 'https://shop.example\nhttp://localhost:5173');
    choose(labelled<HTMLSelectElement>(r, 'Position'), 'Bottom left');
    type(labelled<HTMLInputElement>(r, 'Distance from the corner (px)'), '32');
    type(r.querySelector<HTMLTextAreaElement>('#greeting-en')!, 'Hello from Acme!');
    type(r.querySelector<HTMLTextAreaElement>('#greeting-zh-CN')!, '欢迎光临！');
    type(r.querySelector<HTMLTextAreaElement>('#offlineMessage-en')!, 'We are closed. Leave a message and we will reply by email.');
    button(r, 'Save')!.click();
    await waitUntil(() => announced(el) === 'Site settings saved.', 'not saved', WAIT);
    const saved = await siteNow();
    expect(saved.allowedOrigins).to.deep.equal(['https://shop.example', 'http://localhost:5173']);
    expect(saved.widget).to.deep.equal({ colour: '#1d4ed8', position: 'left', offset: 32, greeting: { en: 'Hello from Acme!', 'zh-CN': '欢迎光临！' }, offlineMessage: { en: 'We are closed. Leave a message and we will reply by email.' } });
    // This test page's origin is no longer allowed: the browser is refused the widget's config.
    const refused = await fetch(`${s.url}/api/sites/${s.siteKey}`).then(() => false, () => true);
    expect(refused, 'a page on another origin reads the site').to.equal(true);
    // Back to any origin: the public config the visitor's widget reads has the new look.
    await rest('PATCH', `/api/console/sites/${saved.id}`, { allowedOrigins: ['*'] });
    const info = (await (await fetch(`${s.url}/api/sites/${s.siteKey}`)).json()) as SiteInfo;
    expect(info.widget.position).to.equal('left');
    expect(info.widget.greeting.en).to.equal('Hello from Acme!');
  });

  it('rotating the secret asks first, shows the new secret once with a copy button, and never again', async () => {
    const el = await openSite();
    const r = root(el);
    expect(r.querySelector('#secret-once')).to.equal(null);
    button(r, 'Rotate secret…')!.click();
    const dialog = r.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    // Escape cancels, and focus goes back to the button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close it', WAIT);
    await waitUntil(() => deepActive() === r.querySelector('button.rotate'), 'focus did not return', WAIT);
    expect((await siteNow()).previousSecretExpiresAt).to.equal(null);

    button(r, 'Rotate secret…')!.click();
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    expect(text(dialog.querySelector('h3'))).to.equal('Rotate the identity secret?');
    button(dialog, 'Rotate')!.click();
    await waitUntil(() => r.querySelector<HTMLInputElement>('#secret-once'), 'the secret was not shown', WAIT);
    const secret = labelled<HTMLInputElement>(r, 'Secret').value;
    expect(secret.length).to.be.at.least(40);
    await waitUntil(() => deepActive()?.id === 'secret-once', 'focus did not move to the secret', WAIT);
    expect(text(r.querySelector('#secret-once-note'))).to.contain('it will not be shown again');
    expect(announced(el)).to.equal('Identity secret rotated.');
    await expect(viewOf(el)).to.be.accessible();
    button(r, 'Copy')!.click();
    await waitUntil(() => ['Secret copied.', 'Could not copy; the secret is selected: press Ctrl+C.'].includes(announced(el)), 'copy said nothing', WAIT);

    button(r, 'I have stored it')!.click();
    await waitUntil(() => !r.querySelector('#secret-once'), 'the secret stayed', WAIT);
    expect(text(r.querySelector('.notice'))).to.match(/previous secret still works until/);
    // Reading the settings again never returns it.
    const site = await rest<{ site: SiteSettings }>('GET', `/api/console/sites/${(await siteNow()).id}`);
    expect(JSON.stringify(site)).to.not.contain(secret);
    expect(site.site.previousSecretExpiresAt).to.be.a('string');
  });

  it('speaks Chinese; an unreachable server is an error state with a retry', async () => {
    const el = await openSite('zh-CN');
    expect(text(root(el).querySelector('h3'))).to.equal('站点');
    expect(labelled<HTMLInputElement>(root(el), '站点标识').readOnly).to.equal(true);
    expect(button(root(el), '轮换密钥…')).to.exist;
    fixtureCleanup();

    const view = await fixture<ParleyConsoleSiteSettings>(html`<parley-console-site-settings server="http://127.0.0.1:9" .token=${'t'} lang="en"></parley-console-site-settings>`);
    expect(text(shadow(view).querySelector('[role="status"]'))).to.equal('Loading site settings…');
    await waitUntil(() => shadow(view).querySelector('.error'), 'no error state', WAIT);
    expect(text(shadow(view).querySelector('.error'))).to.equal('Could not load or save: Cannot reach the server.');
    expect(button(shadow(view), 'Try again')).to.exist;
    await expect(view).to.be.accessible();
  });
});
