/**
 * Registers `<parley-console>` (and the conversation and knowledge-base views it renders). Import this
 * module, or load the built `/elements/console.js`, to use the element; import `console.component.js`
 * for the class alone without registering anything.
 */
import { define } from '../internal/define.js';
import { ParleyConsoleConversation } from './console-conversation.component.js';
import { ParleyConsole } from './console.component.js';
import { ParleyConsoleKb } from './kb/console-kb.component.js';
import { ParleyConsoleKbEditor } from './kb/console-kb-editor.component.js';
import { ParleyConsoleKbGaps } from './kb/console-kb-gaps.component.js';
import { ParleyConsoleKbTransfer } from './kb/console-kb-transfer.component.js';
import { ParleyConsoleKbComments } from './kb/console-kb-comments.component.js';
import { ParleyConsoleKbCategories } from './kb/console-kb-categories.component.js';
import { ParleyConsoleKbList } from './kb/console-kb-list.component.js';

export { ParleyConsole, ParleyConsoleConversation };
export type { ConsoleSignInDetail, ConsoleSignOutDetail } from './console.component.js';

define('parley-console-conversation', ParleyConsoleConversation);
define('parley-console-kb-list', ParleyConsoleKbList);
define('parley-console-kb-editor', ParleyConsoleKbEditor);
define('parley-console-kb-gaps', ParleyConsoleKbGaps);
define('parley-console-kb-transfer', ParleyConsoleKbTransfer);
define('parley-console-kb-comments', ParleyConsoleKbComments);
define('parley-console-kb-categories', ParleyConsoleKbCategories);
define('parley-console-kb', ParleyConsoleKb);
define('parley-console', ParleyConsole);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console': ParleyConsole;
    'parley-console-conversation': ParleyConsoleConversation;
    'parley-console-kb': ParleyConsoleKb;
    'parley-console-kb-list': ParleyConsoleKbList;
    'parley-console-kb-editor': ParleyConsoleKbEditor;
    'parley-console-kb-gaps': ParleyConsoleKbGaps;
    'parley-console-kb-transfer': ParleyConsoleKbTransfer;
    'parley-console-kb-comments': ParleyConsoleKbComments;
    'parley-console-kb-categories': ParleyConsoleKbCategories;
  }
}
