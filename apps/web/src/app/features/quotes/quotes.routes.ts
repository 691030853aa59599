import { Routes } from '@angular/router';
import { roleMatch } from '../../core/auth';
import { provideDateFields } from '../../core/iso-date-adapter';
import { QuoteDetailPage } from './quote-detail';
import { QuoteEditorPage } from './quote-editor';
import { QuoteListPage } from './quote-list';

/** Lazy-loaded as one chunk. Writing quotes is for admin and sales; technicians read them. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', title: 'quotes.title', component: QuoteListPage },
      { path: 'new', title: 'quote.new.title', canMatch: [roleMatch('admin', 'sales')], component: QuoteEditorPage },
      { path: ':id/edit', title: 'quote.edit.heading', canMatch: [roleMatch('admin', 'sales')], component: QuoteEditorPage },
      { path: ':id', title: 'quote.title', component: QuoteDetailPage },
    ],
  },
];
export default routes;
