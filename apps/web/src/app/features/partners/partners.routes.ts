import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { PartnersPage } from './partners';

/** Admin and sales (the parent route's `canMatch`). */
const routes: Routes = [{ path: '', title: 'partners.title', providers: [provideDateFields()], component: PartnersPage }];
export default routes;
