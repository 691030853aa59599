import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { CheckinDetailPage } from './checkin-detail';
import { CheckinListPage } from './checkin-list';
import { CheckinNewPage } from './checkin-new';

/** Admin and technicians (the parent route's `canMatch`); lazy-loaded as one chunk. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', title: 'checkins.title', component: CheckinListPage },
      { path: 'new', title: 'checkin.new.title', component: CheckinNewPage },
      { path: ':id', title: 'checkin.title', component: CheckinDetailPage },
    ],
  },
];
export default routes;
