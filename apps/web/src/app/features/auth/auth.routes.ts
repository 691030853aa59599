import { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', title: 'login.title', loadComponent: () => import('./login').then((m) => m.LoginPage) },
];
export default routes;
