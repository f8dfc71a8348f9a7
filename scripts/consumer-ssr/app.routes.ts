import { Routes } from '@angular/router';
import { sessionGuard } from 'ngx-token-refresh';
import { AccountPage } from './account-page';
import { Data } from './data';
import { ItemsPage } from './items-page';
import { Login } from './login';
import { Home } from './pages';
import { Prerendered } from './prerendered';
import { ServerSession } from './server-session';

// The README's login page, guarded ItemsPage and Account (pasted from the README, Account on
// AccountPage), and the test's pages.
export const routes: Routes = [
  { path: '', component: Home },
  { path: 'data', component: Data },
  { path: 'server-session', component: ServerSession },
  { path: 'prerendered', component: Prerendered },
  { path: 'items', component: ItemsPage, canActivate: [sessionGuard] },
  { path: 'login', component: Login },
  { path: 'account', component: AccountPage },
];
