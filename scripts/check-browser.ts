// `npm run test:e2e` starts here: with no browser to drive, stop at once with one line that says how to get one.
// It never installs anything itself (.ci/run installs Debian's chromium before it runs npm test).
import { findChromium } from '../e2e/chromium';

const choice = findChromium();
if (!choice.found) {
  console.error(choice.reason);
  process.exit(1);
}
