// Before the Firefox tests: is there a Firefox to drive? Say what to install if not.
import { existsSync } from 'node:fs';

const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(path)) {
  console.error(
    `Nameplate's Firefox tests need Firefox at ${path}, and it is not there.\n` +
      `Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y firefox-esr\n` +
      `or point FIREFOX_PATH at a Firefox binary (140 or later). (.ci/run installs it for you.)`,
  );
  process.exit(1);
}
