import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { AuditPage } from './audit';
import { PoliciesPage } from './policies';
import { UsersPage } from './users';

/** Admin only (the parent route's `canMatch`); lazy-loaded as one chunk. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'users', title: 'users.title', component: UsersPage },
      { path: 'audit', title: 'audit.title', component: AuditPage },
      { path: 'policies', title: 'policies.title', component: PoliciesPage },
    ],
  },
];
export default routes;
