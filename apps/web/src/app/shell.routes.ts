import { Routes } from '@angular/router';
import { roleMatch } from './core/auth';

/**
 * The signed-in part of the app, loaded only once the visitor is known to be signed in (see
 * app.routes.ts). It imports nothing heavy, so the feature's chunk follows it at once.
 */
const routes: Routes = [
  {
    path: '',
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
      { path: 'partners', canMatch: [roleMatch('admin', 'sales')], loadChildren: () => import('./features/partners/partners.routes') },
      {
        path: 'partners',
        title: 'forbidden.title',
        data: { text: 'forbidden.partners' },
        children: [{ path: '**', data: { text: 'forbidden.partners' }, loadComponent: () => import('./pages/forbidden').then((m) => m.ForbiddenPage) }],
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
export default routes;
