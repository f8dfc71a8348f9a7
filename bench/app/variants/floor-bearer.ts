import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { bearerInterceptor } from '../patterns/bearer.interceptor';

/** The floor: the minimal hand-written bearer interceptor (attaches the token, nothing else). */
export const floorBearerProviders = [provideHttpClient(withInterceptors([bearerInterceptor]))];
