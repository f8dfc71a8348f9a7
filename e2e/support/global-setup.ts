// Playwright global setup: the e2e tests serve the production build and never build anything.
import { requireBuild } from './demo-env';

export default function globalSetup(): void {
  requireBuild();
}
