import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { TokenStore, withBearer } from '../shared';

/**
 * The floor of a token interceptor: the token from the in-memory store, one `req.clone()` with
 * `Authorization: Bearer <token>`; no origin check, no expiry, no refresh.
 */
export const bearerInterceptor: HttpInterceptorFn = (req, next) =>
  next(withBearer(req, inject(TokenStore).accessToken));
