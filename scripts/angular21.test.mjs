// The oldest Angular the peer range admits (`>=21.0.0`): the package as built here installed into
// a fresh app of `@angular/cli@~21.0.0` whose `@angular/*` packages are held to 21.0.x (npm would
// otherwise lift `^21.0.0` to the newest 21.x, which the other consumer checks use), under this
// machine's Node 20. The steps (ng new, the tarball, `ng add`, build, the smoke specs of
// scripts/consumer-22/) are scripts/consumer-major.mjs's. Run after `npm run build:lib`.
import { consumerMajorSteps } from './consumer-major.mjs';
import { commandRunner, createSteps } from './consumer-steps.mjs';

const step = createSteps();
const run = commandRunner('angular21', process.env);

consumerMajorSteps({
  step,
  run,
  name: 'angular21',
  cli: '~21.0.0',
  pin: '~21.0.0',
  version: /^21\.0\./,
});
