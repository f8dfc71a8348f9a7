import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { importProvidersFrom } from '@angular/core';
import { AuthenticationModule } from '../patterns/ngx-auth.module';

/** ngx-auth 6 as its README sets it up (its interceptor is a DI `HTTP_INTERCEPTORS` class). */
export const ngxAuthProviders = [
  provideHttpClient(withInterceptorsFromDi()),
  importProvidersFrom(AuthenticationModule),
];
