import { Routes } from '@angular/router';
import { sessionGuard } from 'ngx-token-refresh';
import { CallbackPage } from './callback/callback-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { ItemsPage } from './items/items-page';
import { LoginPage } from './login/login-page';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  { path: 'login', component: LoginPage, title: 'Sign in · Relay' },
  { path: 'callback', component: CallbackPage, title: 'Signing in · Relay' },
  {
    path: 'dashboard',
    component: DashboardPage,
    canActivate: [sessionGuard],
    title: 'Dashboard · Relay',
  },
  { path: 'items', component: ItemsPage, canActivate: [sessionGuard], title: 'Items · Relay' },
  { path: '**', redirectTo: 'dashboard' },
];
