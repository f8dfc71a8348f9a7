/*
 * Public API Surface of ngx-token-refresh/testing: every export is named here.
 */
export { createTestJwt, type TestJwtOptions } from './create-test-jwt';
export { provideTokenRefreshTesting } from './provide-token-refresh-testing';
export {
  type HeldRefresh,
  TokenRefreshTestingController,
} from './token-refresh-testing-controller';
