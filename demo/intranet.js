// The demo intranet's stand-in for signing in: `?as=<person>` picks whose employee token the demo
// server signs (/api/demo/employee-token, on with DEMO_INTRANET=on), for the banner, the suggestion
// box and the surveys alike. A real intranet knows who is signed in and serves its own token URL.
// Runs before the element modules (module scripts run in document order), so they start as that person.
const PEOPLE = {
  finance: '王芳 (Finance)',
  support: '张伟 (Support)',
  support2: 'Maria Santos (Support)',
  sales: 'Emily Chen (Sales)',
  engineering: 'Li Lei (Engineering)',
  hr: '陳美 (HR)',
};
const asked = new URLSearchParams(location.search).get('as');
const who = asked && Object.hasOwn(PEOPLE, asked) ? asked : 'finance';
for (const el of document.querySelectorAll('[employee-token-url]')) el.setAttribute('employee-token-url', `/api/demo/employee-token?as=${who}`);
const select = document.getElementById('view-as');
if (select) select.value = who;
for (const el of document.querySelectorAll('[data-signed-in-as]')) el.textContent = PEOPLE[who];
