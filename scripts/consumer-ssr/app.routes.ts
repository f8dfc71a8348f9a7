import { Routes } from '@angular/router';
import { sessionGuard } from 'ngx-token-refresh';
import { Data } from './data';
import { ItemsPage } from './items-page';
import { Login } from './login';
import { Home } from './pages';
import { Prerendered } from './prerendered';
import { ServerSession } from './server-session';

// The README's login page and guarded ItemsPage (pasted from the README), and the test's pages.
export const routes: Routes = [
  { path: '', component: Home },
  { path: 'data', component: Data },
  { path: 'server-session', component: ServerSession },
  { path: 'prerendered', component: Prerendered },
  { path: 'items', component: ItemsPage, canActivate: [sessionGuard] },
  { path: 'login', component: Login },
];
