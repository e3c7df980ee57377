import type { ApiClient } from '../../shared/api-client.js';
import { ApiError } from '../../shared/api-error.js';
import { authSession, SESSION_ENDED_EVENT, type SessionUser } from '../../shared/auth-session.js';
import { takeSingleSignOnReturn } from '../../shared/single-sign-on.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { TasklistApi } from '../api/tasklist-api.js';
import type { InboxFilter } from '@onedoor/contract';
import { renderInbox } from '../inbox/inbox-view.js';
import { createLoginView } from '../login/login-view.js';
import { renderReceiveView } from '../reception/receive-dossier-view.js';
import { renderWaitingDossiers } from '../supplement/waiting-dossiers-view.js';
import { renderDossierView } from '../dossier/dossier-view.js';
import { renderPrintView } from '../print/print-view.js';
import { renderDossierSearch } from '../search/dossier-search-view.js';
import { renderTrackingBook } from '../search/tracking-book-view.js';
import { renderTaskView } from '../task/task-view.js';
import { AccountApi } from '../account/account-api.js';
import { renderAccountView } from '../account/account-view.js';
import { AdministrationApi } from '../administration/administration-api.js';
import { renderAdministration } from '../administration/administration-view.js';
import { createAppHeader, type AppHeader } from '../../shared/app-shell/app-header.js';
import { Directory } from './directory.js';
import { claimRender } from './render-guard.js';
import { parseRoute, routeHash, type Route } from './router.js';
import type { FlashKind, TasklistContext } from './tasklist-context.js';

/** The task list page: login, or the header and the view the URL hash names. */
export class TasklistApp {
  private readonly api: TasklistApi;
  private readonly main = h('main', { className: 'od-tasklist-main' });
  private readonly flashBox = h('div', { className: 'od-flash', role: 'status', 'aria-live': 'polite', hidden: true });
  private flashSurvivesNavigation = false;
  private lastList: InboxFilter | 'waiting' = 'mine';
  private header?: AppHeader;
  private ctx?: TasklistContext;

  constructor(
    private readonly root: HTMLElement,
    private readonly http: ApiClient,
  ) {
    this.api = new TasklistApi(http);
    window.addEventListener('hashchange', () => this.renderRoute());
  }

  async start(): Promise<void> {
    // The engine refused to renew the session (disabled, signed out everywhere): back to the login.
    window.addEventListener(SESSION_ENDED_EVENT, () => {
      if (this.ctx) this.ctx.handleCommonError(new ApiError(401, {}));
    });
    const back = await takeSingleSignOnReturn(this.http);
    if (back && 'error' in back) return this.showLogin(i18n.t('Single sign-on failed: {reason}', { reason: back.error }));
    if (back && 'leaving' in back && back.leaving) return;
    const user = authSession.user;
    if (user && authSession.token) this.showApp(user);
    else this.showLogin();
  }

  private showLogin(notice?: string): void {
    this.header?.stop();
    this.header = undefined;
    this.ctx = undefined;
    document.title = i18n.t('OneDoor — electronic one-stop shop');
    const header = createAppHeader({ api: this.http, currentPath: '/', onLogout: () => undefined });
    this.root.replaceChildren(header.element, createLoginView(this.http, (user) => this.showApp(user), notice));
  }

  private showApp(user: SessionUser): void {
    const ctx = this.createContext(user);
    this.ctx = ctx;
    this.header?.stop();
    this.header = createAppHeader({ api: this.http, currentPath: '/', onLogout: () => this.logout(), onExpired: () => ctx.handleCommonError(new ApiError(401, {})) });
    document.title = i18n.t('Tasks — OneDoor');
    this.root.replaceChildren(this.header.element, this.flashBox, this.main);
    this.renderRoute();
  }

  private createContext(user: SessionUser): TasklistContext {
    return {
      api: this.api,
      user,
      directory: new Directory(this.api),
      navigate: (route) => this.navigate(route),
      backToList: () => this.navigate(this.lastList === 'waiting' ? { view: 'waiting' } : { view: 'inbox', filter: this.lastList }),
      flash: (message, kind) => this.flash(message, kind),
      handleCommonError: (error) => {
        if (!(error instanceof ApiError) || error.status !== 401) return false;
        authSession.clear();
        this.showLogin(i18n.t('Your session has ended. Please log in again.'));
        return true;
      },
    };
  }

  private navigate(route: Route): void {
    const hash = routeHash(route);
    if (location.hash === hash) this.renderRoute();
    else location.hash = hash;
  }

  private renderRoute(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    // A message set by the action that led here stays for this one view.
    if (this.flashSurvivesNavigation) this.flashSurvivesNavigation = false;
    else this.flashBox.hidden = true;
    const route = parseRoute(location.hash);
    window.scrollTo(0, 0);
    // A view still loading (the inbox after signing in, say) must not paint over the one asked
    // for now; views that paint at once (administration, reception) claim nothing themselves.
    claimRender(this.main);
    this.markNavigation(route);
    switch (route.view) {
      case 'inbox':
        this.lastList = route.filter;
        return void renderInbox(ctx, this.main, route.filter);
      case 'waiting':
        this.lastList = 'waiting';
        return void renderWaitingDossiers(ctx, this.main);
      case 'task':
        return void renderTaskView(ctx, this.main, route.taskId);
      case 'dossiers':
        return void renderDossierSearch(ctx, this.main, route.query);
      case 'dossier':
        return void renderDossierView(ctx, this.main, route.code, route.action);
      case 'book':
        return void renderTrackingBook(ctx, this.main, route.query);
      case 'print':
        return void renderPrintView(ctx, this.main, route.code, route.form, route.query);
      case 'account':
        return void renderAccountView(ctx, this.main, new AccountApi(this.http));
      case 'admin':
        return void renderAdministration(ctx, this.main, new AdministrationApi(this.http), route.section, route.query);
      default:
        return void renderReceiveView(ctx, this.main);
    }
  }

  /** The header's link for the part of the app shown (tasks, dossiers, the book). */
  private markNavigation(route: Route): void {
    this.header?.markCurrent(route.view === 'dossiers' || route.view === 'dossier' ? '/#/dossiers' : route.view === 'book' ? '/#/book' : route.view === 'admin' ? '/#/admin/users' : route.view === 'account' ? '/#/account' : '/');
  }

  private flash(message: string, kind: FlashKind = 'info'): void {
    this.flashBox.hidden = false;
    this.flashBox.dataset.kind = kind;
    this.flashBox.replaceChildren(
      h('span', {}, message),
      h('button', { type: 'button', className: 'od-button od-button-link', 'aria-label': i18n.t('Close'), onclick: () => (this.flashBox.hidden = true) }, '×'),
    );
    this.flashSurvivesNavigation = true;
  }

  private logout(): void {
    authSession.clear();
    history.replaceState(null, '', location.pathname);
    this.showLogin();
  }
}
