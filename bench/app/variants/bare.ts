import { provideHttpClient } from '@angular/common/http';

/** The reference: HttpClient without any interceptor (no token, no refresh). */
export const bareProviders = [provideHttpClient()];
