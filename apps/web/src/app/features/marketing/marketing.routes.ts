import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { MarketingPage } from './marketing';

/** Admin and sales (the parent route's `canMatch`). */
const routes: Routes = [{ path: '', title: 'marketing.title', providers: [provideDateFields()], component: MarketingPage }];
export default routes;
