import { Route } from '@angular/router';
import { authGuard, authMatch, guestGuard, publicPage } from './core/auth';
import { LoginPage } from './features/auth/login';

export const appRoutes: Route[] = [
  // In the initial bundle: the sign-in form is the first page most visits show, and a lazy chunk
  // (and the chunks it imports) would add round trips before it can render.
  { path: 'login', title: 'login.title', canActivate: [guestGuard], component: LoginPage },
  // Public pages: no sign-in; a signed-in user still sees the menu.
  { path: 'privacy', title: 'notice.title', canActivate: [publicPage], loadComponent: () => import('./features/public/privacy').then((m) => m.PrivacyNoticePage) },
  { path: 'contact', title: 'contact.title', canActivate: [publicPage], loadComponent: () => import('./features/public/contact').then((m) => m.ContactPage) },
  { path: 'apply', title: 'apply.title', canActivate: [publicPage], loadComponent: () => import('./features/public/apply').then((m) => m.ApplyPage) },
  // The signed-in part. `canMatch` runs before anything is loaded, so a signed-out visitor is sent
  // to /login without downloading the shell or a feature (`canActivate` would run only after the
  // matched route's children had been loaded).
  {
    path: '',
    canMatch: [authMatch],
    canActivateChild: [authGuard],
    loadChildren: () => import('./shell.routes'),
  },
];
