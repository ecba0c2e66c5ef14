// Before the browser tests: is there a Chromium to drive? Say what to install if not.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Nameplate's browser tests need Chromium at ${path}, and it is not there.\n` +
      `Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome binary. (.ci/run installs it for you.)`,
  );
  process.exit(1);
}
