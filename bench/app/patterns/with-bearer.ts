import { HttpRequest } from '@angular/common/http';

/** The request with `Authorization: Bearer <token>`, or unchanged without a token. */
export function withBearer<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}
