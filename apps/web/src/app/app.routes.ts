import { Route } from '@angular/router';
import { authGuard, guestGuard, roleMatch } from './core/auth';

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes'),
  },
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
