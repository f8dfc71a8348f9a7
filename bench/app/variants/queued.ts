import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { queuedRefreshInterceptor } from '../patterns/queued-refresh.interceptor';

/** Hand-written pattern (b): `isRefreshing` flag + `BehaviorSubject` queue. */
export const queuedProviders = [provideHttpClient(withInterceptors([queuedRefreshInterceptor]))];
