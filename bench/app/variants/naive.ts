import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { naiveRefreshInterceptor } from '../patterns/naive-refresh.interceptor';

/** Hand-written pattern (a): refresh on every 401, no lock. */
export const naiveProviders = [provideHttpClient(withInterceptors([naiveRefreshInterceptor]))];
