import type { SessionUser } from '../auth-session.js';

export interface NavLink {
  href: string;
  /** English source string; translated where it is shown. */
  label: string;
  /** Shown only to users holding one of these roles (none: everybody). */
  roles?: string[];
}

/** The pages of the app; the API refuses the others anyway, so showing them would only confuse. */
const DOSSIER_READERS = ['officer', 'leader', 'reception', 'manager', 'admin'];

export const NAV_LINKS: NavLink[] = [
  { href: '/', label: 'Tasks' },
  { href: '/#/dossiers', label: 'Dossiers', roles: DOSSIER_READERS },
  { href: '/#/book', label: 'Tracking book', roles: DOSSIER_READERS },
  { href: '/modeler/', label: 'Procedure designer', roles: ['designer', 'admin'] },
  { href: '/compare/', label: 'Compare versions', roles: ['manager', 'admin'] },
  { href: '/reports/', label: 'Reports', roles: ['manager', 'admin'] },
  { href: '/calendar/', label: 'Working calendar' },
  { href: '/operations/', label: 'Operations', roles: ['admin'] },
  { href: '/#/admin/users', label: 'Administration', roles: ['admin'] },
];

export function navLinksFor(user: SessionUser): NavLink[] {
  return NAV_LINKS.filter((link) => !link.roles || link.roles.some((role) => user.roles.includes(role)));
}
