import '../shared/base.css';
import './tasklist.css';

import { ApiClient } from '../shared/api-client.js';
import { i18n } from '../shared/i18n.js';
import { viUi } from '../shared/vi-ui.js';
import { viTasklist } from './i18n/vi-tasklist.js';
import { viAccounts } from './i18n/vi-accounts.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import { TasklistApp } from './shell/tasklist-app.js';

/**
 * The page at `/`: a department officer's task list (issue #3). Logged out it is the landing
 * page with the login; the modeler link stays there for designers.
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viTasklist);
i18n.register(viAccounts);
document.documentElement.lang = i18n.language;

const app = new TasklistApp(document.getElementById('app')!, new ApiClient());
void app.start();
