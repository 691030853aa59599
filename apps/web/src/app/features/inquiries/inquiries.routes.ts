import { Routes } from '@angular/router';
import { InquiryDetailPage } from './inquiry-detail';
import { InquiryListPage } from './inquiry-list';

/** Questions from the public contact form; any staff member may take one (lazy-loaded as one chunk). */
const routes: Routes = [
  { path: '', title: 'inquiries.title', component: InquiryListPage },
  { path: ':id', title: 'inquiry.title', component: InquiryDetailPage },
];
export default routes;
