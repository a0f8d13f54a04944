export { tokens } from './tokens.js';
export { focusRing, visuallyHidden } from './focus.js';
export { inlineHost, overlayHost } from './isolate.js';
