import { Routes } from '@angular/router';
import { provideDateFields } from '../../core/iso-date-adapter';
import { TicketDetailPage } from './ticket-detail';
import { TicketListPage } from './ticket-list';
import { TicketNewPage } from './ticket-new';

/** Lazy-loaded as one chunk: the lists, a new ticket and a ticket's page. */
const routes: Routes = [
  {
    path: '',
    providers: [provideDateFields()],
    children: [
      { path: '', title: 'tickets.title', component: TicketListPage },
      { path: 'new', title: 'ticket.new.title', component: TicketNewPage },
      { path: ':id', title: 'ticket.title', component: TicketDetailPage },
    ],
  },
];
export default routes;
