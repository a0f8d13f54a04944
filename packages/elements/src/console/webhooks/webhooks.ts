/**
 * Registers the console's Integrations (webhooks) view. `<parley-console>` imports this module the first
 * time an admin opens Integrations, so its code is fetched only by those who use it.
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleWebhookEditor } from './webhook-editor.component.js';
import { ParleyConsoleWebhookLog } from './webhook-log.component.js';
import { ParleyConsoleWebhooks } from './console-webhooks.component.js';

export { ParleyConsoleWebhooks };

define('parley-console-webhook-editor', ParleyConsoleWebhookEditor);
define('parley-console-webhook-log', ParleyConsoleWebhookLog);
define('parley-console-webhooks', ParleyConsoleWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-webhooks': ParleyConsoleWebhooks;
    'parley-console-webhook-editor': ParleyConsoleWebhookEditor;
    'parley-console-webhook-log': ParleyConsoleWebhookLog;
  }
}
