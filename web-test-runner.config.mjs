// Element tests: real Chromium (Debian's, through Playwright) against the REAL Parley server.
// The server is started once, in this process, by server/src/testing.ts (in-memory PGlite with the
// seeded demo data) and its coordinates are served to the tests at /__parley__/server.json.
// Never mock the server here: these tests exist to prove the element and the server agree.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const testingUrl = new URL('./server/src/testing.ts', import.meta.url);
const surveysKitUrl = new URL('./server/src/surveys/test-kit.ts', import.meta.url);
const authKitUrl = new URL('./server/src/auth/test-kit.ts', import.meta.url);
const contactsKitUrl = new URL('./server/src/contacts/test-kit.ts', import.meta.url);

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
function parleyServer() {
  /** @type {null | { url: string, close(): Promise<void> | void, [k: string]: unknown }} */
  let server = null;
  /** @type {string} */
  let info = '{}';
  return {
    name: 'parley-server',
    async serverStart() {
      if (!existsSync(testingUrl)) {
        throw new Error('server/src/testing.ts is missing: the element tests need the real server (startTestServer).');
      }
      const { register } = await import('tsx/esm/api');
      register();
      const { startTestServer } = await import(testingUrl.href);
      // Every element test comes from 127.0.0.1, in one run of a few minutes: the per-address limits on
      // tickets, new visitors, chat starts and votes / survey answers (server tests cover each) would
      // otherwise refuse whichever file runs after the others have spent them.
      server = await startTestServer({
        config: { admin2fa: 'optional', rateTicketsPerIp: null, rateTicketReplies: null, rateVisitorSessionsPerIp: null, rateConversationsPerIp: null, rateKbVotesPerIp: null },
      });
      // Only plain data: the server object also holds the app and the database handle.
      const { url, siteKey, accounts, departments } = server;
      // What a company intranet would sign for an employee (HS256 with the site's secret): intranet
      // tests use it as is; the secret itself never reaches the browser.
      const employeeToken = await server.signEmployeeToken({ sub: 'emp-test-1', name: 'Wang Fang', departments: ['Finance'], locale: 'en' });
      info = JSON.stringify({ url, siteKey, accounts, departments, employeeToken });
      console.log(`[parley] test server at ${server.url}`);
    },
    async serverStop() {
      await server?.close();
      server = null;
    },
    serve(context) {
      if (context.path === '/__parley__/server.json') return { body: info, type: 'application/json' };
      // An intranet's token endpoint, for <parley-feedback employee-token-url>. `?sub=&departments=a,b`
      // signs for someone else: employee survey tests need several different people.
      if (context.path === '/__parley__/employee-token.json') {
        const sub = context.query.sub;
        if (!sub) return { body: JSON.stringify({ token: JSON.parse(info).employeeToken }), type: 'application/json' };
        const departments = String(context.query.departments ?? '').split(',').filter(Boolean);
        return server.signEmployeeToken({ sub: String(sub), name: String(sub), departments, locale: 'en' }).then((token) => ({ body: JSON.stringify({ token }), type: 'application/json' }));
      }
      // A returning visitor (`?token=&days=`): the browser cannot move the server's clock, and NPS "after a
      // number of days as a contact" counts from the visitor's first visit (messenger.nps-auto.test.ts).
      if (context.path === '/__parley__/visitor-age.json') {
        const days = Number(context.query.days);
        return import(surveysKitUrl.href)
          .then(({ backdateVisitor }) => backdateVisitor(server.database, String(context.query.token ?? ''), days))
          .then((found) => ({ body: JSON.stringify({ found }), type: 'application/json' }));
      }
      // What a host site computes for its signed-in user (`?userId=`): HMAC-SHA256 with the site's secret (contacts tests).
      if (context.path === '/__parley__/user-hash.json') {
        return import(contactsKitUrl.href)
          .then(({ userHashFor }) => userHashFor(server.database, JSON.parse(info).siteKey, String(context.query.userId ?? '')))
          .then((userHash) => ({ body: JSON.stringify({ userHash }), type: 'application/json' }));
      }
      // A new agent (`?role=`) for a test that enrols two-factor or changes a password (auth/test-kit.ts).
      if (context.path === '/__parley__/fresh-agent.json') {
        return import(authKitUrl.href)
          .then(({ freshAgent }) => freshAgent(server.database, String(context.query.role ?? 'agent')))
          .then((agent) => ({ body: JSON.stringify(agent), type: 'application/json' }));
      }
      return undefined;
    },
  };
}

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  // No 'development' condition: socket.io-client's development build pulls CommonJS `debug`.
  // browser: true honours package.json "browser" maps (engine.io-client swaps its Node XHR for the browser's).
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  // A real server answers: allow for socket round trips and PGlite commits.
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig }), parleyServer()],
  // The runner sends results from the page with structuredClone. A failed expect() on a DOM node puts
  // the node in the result, the clone throws, the results never arrive and the file "did not finish"
  // with nothing failed (seen in CI). On that error, nodes become their markup and cycles are cut.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <script>
      (() => {
        const clone = window.structuredClone.bind(window);
        const describe = (value) => {
          const seen = new WeakSet();
          return JSON.parse(JSON.stringify(value, (_key, v) => {
            if (typeof Node !== 'undefined' && v instanceof Node) return '<' + v.nodeName.toLowerCase() + '> ' + String(v.outerHTML ?? v.textContent ?? '').slice(0, 500);
            if (v && typeof v === 'object') {
              if (seen.has(v)) return '[circular]';
              seen.add(v);
            }
            return v;
          }));
        };
        window.structuredClone = (value, options) => {
          try {
            return clone(value, options);
          } catch {
            return clone(describe(value), options);
          }
        };
      })();
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
