import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { CustomerDetailPage } from './customer-detail';
import { CustomerListPage } from './customer-list';
import { CustomerNewPage } from './customer-new';

/** Lazy-loaded as one chunk: the list, the form for a new customer and a customer's page. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', title: 'customers.title', component: CustomerListPage },
      { path: 'new', title: 'customer.new.title', component: CustomerNewPage },
      { path: ':id', title: 'customers.title', component: CustomerDetailPage },
    ],
  },
];
export default routes;
