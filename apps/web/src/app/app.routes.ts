import { Route } from '@angular/router';
import { authGuard, guestGuard, publicPage, roleMatch } from './core/auth';

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes'),
  },
  // Public pages: no sign-in; a signed-in user still sees the menu.
  { path: 'privacy', title: 'notice.title', canActivate: [publicPage], loadComponent: () => import('./features/public/privacy').then((m) => m.PrivacyNoticePage) },
  { path: 'contact', title: 'contact.title', canActivate: [publicPage], loadComponent: () => import('./features/public/contact').then((m) => m.ContactPage) },
  { path: 'apply', title: 'apply.title', canActivate: [publicPage], loadComponent: () => import('./features/public/apply').then((m) => m.ApplyPage) },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'customers' },
      { path: 'customers', loadChildren: () => import('./features/customers/customers.routes') },
      { path: 'tickets', loadChildren: () => import('./features/tickets/tickets.routes') },
      { path: 'checkins', canMatch: [roleMatch('admin', 'technician')], loadChildren: () => import('./features/checkins/checkins.routes') },
      // Sales do not handle devices: say so instead of a blank page.
      {
        path: 'checkins',
        title: 'forbidden.title',
        data: { text: 'forbidden.checkins' },
        children: [{ path: '**', data: { text: 'forbidden.checkins' }, loadComponent: () => import('./pages/forbidden').then((m) => m.ForbiddenPage) }],
      },
      { path: 'quotes', loadChildren: () => import('./features/quotes/quotes.routes') },
      { path: 'inquiries', loadChildren: () => import('./features/inquiries/inquiries.routes') },
      { path: 'marketing', canMatch: [roleMatch('admin', 'sales')], loadChildren: () => import('./features/marketing/marketing.routes') },
      {
        path: 'marketing',
        title: 'forbidden.title',
        data: { text: 'forbidden.marketing' },
        children: [{ path: '**', data: { text: 'forbidden.marketing' }, loadComponent: () => import('./pages/forbidden').then((m) => m.ForbiddenPage) }],
      },
      { path: 'tasks', title: 'tasks.title', loadComponent: () => import('./features/tasks/tasks').then((m) => m.TasksPage) },
      { path: 'admin', canMatch: [roleMatch('admin')], loadChildren: () => import('./features/admin/admin.routes') },
      // Reached only when the role check above did not match: say so instead of a blank page.
      {
        path: 'admin',
        title: 'forbidden.title',
        children: [{ path: '**', loadComponent: () => import('./pages/forbidden').then((m) => m.ForbiddenPage) }],
      },
      { path: '**', title: 'notFound.title', loadComponent: () => import('./pages/not-found').then((m) => m.NotFoundPage) },
    ],
  },
];
