import { NgModule } from '@angular/core';
import {
  AUTH_SERVICE,
  AuthModule,
  PROTECTED_FALLBACK_PAGE_URI,
  PUBLIC_FALLBACK_PAGE_URI,
} from 'ngx-auth';
import { NgxAuthService } from './ngx-auth.service';

/** The `AuthenticationModule` of ngx-auth's README ("Usage" step 3). */
@NgModule({
  imports: [AuthModule],
  providers: [
    { provide: PROTECTED_FALLBACK_PAGE_URI, useValue: '/' },
    { provide: PUBLIC_FALLBACK_PAGE_URI, useValue: '/login' },
    { provide: AUTH_SERVICE, useClass: NgxAuthService },
  ],
})
export class AuthenticationModule {}
