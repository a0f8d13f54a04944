/**
 * <parley-chat> used from React 19, the way an app built with it would: imported from
 * @parley/elements, properties set from React state (React 19 sets a custom element's properties
 * when the element has them: `open`), the element's events handled with `on<event-name>` props, and a
 * method called through a ref. Served at /demos/react (test/e2e/frameworks.test.ts drives it).
 */
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@parley/elements/chat.js';
import type { ParleyChat } from '@parley/elements/chat.js';

// React's JSX knows HTML elements only; this tells it about ours (properties and event props).
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'parley-chat': React.DetailedHTMLProps<React.HTMLAttributes<ParleyChat>, ParleyChat> & {
        server?: string;
        site?: string;
        open?: boolean;
        'onparley-open'?: (e: Event) => void;
        'onparley-close'?: (e: Event) => void;
        'onparley-unread'?: (e: CustomEvent<{ count: number }>) => void;
      };
    }
  }
}

const site = document.querySelector<HTMLMetaElement>('meta[name="parley-site"]')?.content ?? '';
const LANGS = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
  ['zh-TW', '繁體中文'],
] as const;

function App() {
  const chat = useRef<ParleyChat>(null);
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<(typeof LANGS)[number][0]>('en');
  const [unread, setUnread] = useState(0);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((l) => [...l.slice(-4), line]);

  return (
    <main className="wrap">
      <h1>Acme, a React 19 app</h1>
      <p>
        The chat below is <code>&lt;parley-chat&gt;</code> rendered by React: the buttons set its properties, and React
        state follows its events.
      </p>
      <div className="framework-controls">
        <button type="button" onClick={() => setOpen((o) => !o)}>
          {open ? 'Close the chat (prop)' : 'Open the chat (prop)'}
        </button>
        <button type="button" onClick={() => chat.current?.show()}>
          Open with show() (method)
        </button>
        <label>
          Chat language{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)}>
            {LANGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" data-testid="state">
        React sees: chat {open ? 'open' : 'closed'}, {unread} unread
      </p>
      <ul aria-label="Events from the chat" data-testid="events">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <parley-chat
        ref={chat}
        site={site}
        lang={lang}
        open={open}
        onparley-open={() => {
          setOpen(true);
          note('parley-open');
        }}
        onparley-close={() => {
          setOpen(false);
          note('parley-close');
        }}
        onparley-unread={(e) => {
          setUnread(e.detail.count);
          note(`parley-unread ${e.detail.count}`);
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
