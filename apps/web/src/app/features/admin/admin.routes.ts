import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { AuditPage } from './audit';
import { PoliciesPage } from './policies';
import { UsersPage } from './users';

/** Admin only (the parent route's `canMatch`); lazy-loaded, the retention pages, the people search, requests, applicants and the outbox in chunks of their own. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'retention',
        title: 'retention.title',
        loadComponent: () => import('./retention/retention-dashboard').then((m) => m.RetentionDashboardPage),
      },
      {
        path: 'retention/certificates',
        title: 'certificates.title',
        loadComponent: () => import('./retention/certificates').then((m) => m.CertificatesPage),
      },
      { path: 'retention/holds', title: 'holds.title', loadComponent: () => import('./retention/holds').then((m) => m.HoldsPage) },
      { path: 'retention/reviews', title: 'reviews.title', loadComponent: () => import('./retention/reviews').then((m) => m.ReviewsPage) },
      { path: 'people', title: 'people.title', loadComponent: () => import('./people/people').then((m) => m.PeoplePage) },
      { path: 'people/duplicates', title: 'duplicates.title', loadComponent: () => import('./people/duplicates').then((m) => m.DuplicatesPage) },
      { path: 'people/:id/erasure', title: 'erasure.pageTitle', loadComponent: () => import('./people/erasure').then((m) => m.ErasurePage) },
      { path: 'requests', title: 'requests.title', loadComponent: () => import('./requests/request-list').then((m) => m.RequestListPage) },
      { path: 'requests/new', title: 'requestNew.title', loadComponent: () => import('./requests/request-new').then((m) => m.RequestNewPage) },
      { path: 'requests/:id', title: 'request.title', loadComponent: () => import('./requests/request-detail').then((m) => m.RequestDetailPage) },
      { path: 'applicants', title: 'applicants.title', loadComponent: () => import('./applicants/applicant-list').then((m) => m.ApplicantListPage) },
      {
        path: 'applicants/:id',
        title: 'applicant.title',
        loadComponent: () => import('./applicants/applicant-detail').then((m) => m.ApplicantDetailPage),
      },
      { path: 'users', title: 'users.title', component: UsersPage },
      { path: 'audit', title: 'audit.title', component: AuditPage },
      { path: 'policies', title: 'policies.title', component: PoliciesPage },
      { path: 'outbox', title: 'outbox.title', loadComponent: () => import('./outbox').then((m) => m.OutboxPage) },
      {
        path: 'service-windows',
        title: 'serviceWindows.title',
        loadComponent: () => import('./service-windows').then((m) => m.ServiceWindowsPage),
      },
      { path: 'settings', title: 'settings.title', loadComponent: () => import('./settings').then((m) => m.SettingsPage) },
    ],
  },
];
export default routes;
