/**
 * The set-password page the invitation mail links to (/invite/<token>). Server-rendered, one plain
 * form and no script: it works before the person has any session or the console bundle, on any mail
 * client's browser, and keyboard and screen-reader use come from native form controls. The token is
 * the credential, so the page is never cached, sends no referrer, and never echoes the token back
 * except in its own form's action.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { PEOPLE_LIMITS } from '@parley/protocol/schemas';
import type { Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { requestIp } from '../limits/http.js';
import { acceptInvitation, checkInvitation } from './invitations.js';
import { escapeHtml } from '../lib/html.js';

const T: Record<Locale, Record<'title' | 'intro' | 'password' | 'confirm' | 'hint' | 'submit' | 'mismatch' | 'tooShort' | 'invalid' | 'done' | 'signIn' | 'failed', string>> = {
  en: {
    title: 'Set your password',
    intro: 'Welcome, {name}. Choose the password you will sign in with as {email}.',
    password: 'New password',
    confirm: 'Repeat the password',
    hint: `At least ${PEOPLE_LIMITS.passwordMin} characters. A few unrelated words make a strong one.`,
    submit: 'Set password',
    mismatch: 'The two passwords are not the same.',
    tooShort: `The password must have at least ${PEOPLE_LIMITS.passwordMin} characters.`,
    invalid: 'This invitation link is not valid any more: it was used, replaced or has expired. Ask an admin for a new one.',
    done: 'Your password is set.',
    signIn: 'Sign in to the console',
    failed: 'Something went wrong; try again in a moment.',
  },
  'zh-CN': {
    title: '设置密码',
    intro: '欢迎，{name}。请设置您以 {email} 登录时使用的密码。',
    password: '新密码',
    confirm: '再次输入密码',
    hint: `至少 ${PEOPLE_LIMITS.passwordMin} 个字符。几个不相关的词组合起来就很安全。`,
    submit: '设置密码',
    mismatch: '两次输入的密码不一致。',
    tooShort: `密码至少需要 ${PEOPLE_LIMITS.passwordMin} 个字符。`,
    invalid: '此邀请链接已失效：已被使用、已被新链接取代或已过期。请联系管理员重新发送。',
    done: '密码已设置。',
    signIn: '登录控制台',
    failed: '出了点问题，请稍后再试。',
  },
  'zh-TW': {
    title: '設定密碼',
    intro: '歡迎，{name}。請設定您以 {email} 登入時使用的密碼。',
    password: '新密碼',
    confirm: '再次輸入密碼',
    hint: `至少 ${PEOPLE_LIMITS.passwordMin} 個字元。幾個不相關的詞組合起來就很安全。`,
    submit: '設定密碼',
    mismatch: '兩次輸入的密碼不一致。',
    tooShort: `密碼至少需要 ${PEOPLE_LIMITS.passwordMin} 個字元。`,
    invalid: '此邀請連結已失效：已被使用、已被新連結取代或已過期。請聯絡管理員重新寄送。',
    done: '密碼已設定。',
    signIn: '登入控制台',
    failed: '出了點問題，請稍後再試。',
  },
};

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

export function pageLocale(c: Context): Locale {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'zh-CN' || asked === 'zh-TW') return asked;
  const header = (c.req.header('accept-language') ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  if (/^zh-(tw|hk|mo|hant)/.test(first)) return 'zh-TW';
  if (first.startsWith('zh')) return 'zh-CN';
  return 'en';
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:420px;margin:48px auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px}
label{display:block;font-weight:600;margin-top:16px}input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:8px;margin-top:4px;border:1px solid #6e7781;border-radius:6px}
input:focus-visible,button:focus-visible,a:focus-visible{outline:2px solid #0b5cad;outline-offset:2px}
.hint{color:#57606a;font-size:14px;margin:4px 0 0}.error{color:#b42318;font-weight:600}
button{margin-top:20px;font:inherit;padding:8px 16px;background:#0b5cad;color:#fff;border:0;border-radius:6px;cursor:pointer}
nav{font-size:14px;margin-bottom:8px}nav a{margin-inline-end:8px}`;

function page(locale: Locale, body: string): string {
  const s = T[locale];
  const langs = (['en', 'zh-CN', 'zh-TW'] as const).map((l) => `<a href="?lang=${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ''}>${{ en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' }[l]}</a>`).join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(s.title)} — Parley</title><style>${STYLE}</style></head>
<body><main><nav aria-label="Language">${langs}</nav><h1>${escapeHtml(s.title)}</h1>${body}</main></body></html>`;
}

function form(locale: Locale, who: { name: string; email: string }, token: string, error?: string): string {
  const s = T[locale];
  const intro = escapeHtml(s.intro).replace('{name}', escapeHtml(who.name)).replace('{email}', escapeHtml(who.email));
  const err = error ? `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>` : '';
  const invalid = error ? ' aria-invalid="true"' : '';
  const described = `hint${error ? ' form-error' : ''}`;
  return `<p>${intro}</p>${err}
<form method="post" action="/invite/${escapeHtml(token)}?lang=${locale}">
<input type="text" name="username" autocomplete="username" value="${escapeHtml(who.email)}" hidden>
<label for="password">${escapeHtml(s.password)}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PEOPLE_LIMITS.passwordMin}" maxlength="${PEOPLE_LIMITS.passwordChars}" aria-describedby="${described}"${invalid}>
<p class="hint" id="hint">${escapeHtml(s.hint)}</p>
<label for="confirm">${escapeHtml(s.confirm)}</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required${invalid}>
<button type="submit">${escapeHtml(s.submit)}</button></form>`;
}

const gone = (locale: Locale) => page(locale, `<p role="alert">${escapeHtml(T[locale].invalid)}</p>`);

export function invitationPageRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Robots-Tag', 'noindex');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/:token', async (c) => {
    const locale = pageLocale(c);
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return c.html(gone(locale), 404);
    try {
      return c.html(page(locale, form(locale, await checkInvitation(ctx, token), token)));
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return c.html(gone(locale), 404);
      throw err;
    }
  });

  // Outside /api/, so the API's body limit does not apply: a password form is tiny.
  app.post('/:token', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
    const locale = pageLocale(c);
    const s = T[locale];
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return c.html(gone(locale), 404);
    let who;
    try {
      who = await checkInvitation(ctx, token);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return c.html(gone(locale), 404);
      throw err;
    }
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const password = typeof body.password === 'string' ? body.password : '';
    const confirm = typeof body.confirm === 'string' ? body.confirm : '';
    if (password.length < PEOPLE_LIMITS.passwordMin || password.length > PEOPLE_LIMITS.passwordChars) return c.html(page(locale, form(locale, who, token, s.tooShort)), 400);
    if (password !== confirm) return c.html(page(locale, form(locale, who, token, s.mismatch)), 400);
    try {
      await acceptInvitation(ctx, { token, password, ip: requestIp(ctx, c) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return c.html(gone(locale), 404);
      if (err instanceof AppError && err.code === 'invalid') return c.html(page(locale, form(locale, who, token, err.message)), 400);
      throw err;
    }
    return c.html(page(locale, `<p role="status">${escapeHtml(s.done)}</p><p><a href="/console">${escapeHtml(s.signIn)}</a></p>`));
  });
  return app;
}
