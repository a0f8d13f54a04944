/**
 * Registers the console's announcements view. `<parley-console>` imports this module the first time a
 * supervisor or admin opens Announcements, so its code is fetched only by those who use it.
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleAnnouncementEditor } from './announcement-editor.component.js';
import { ParleyConsoleAnnouncements } from './console-announcements.component.js';

export { ParleyConsoleAnnouncements };

define('parley-console-announcement-editor', ParleyConsoleAnnouncementEditor);
define('parley-console-announcements', ParleyConsoleAnnouncements);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-announcements': ParleyConsoleAnnouncements;
    'parley-console-announcement-editor': ParleyConsoleAnnouncementEditor;
  }
}
