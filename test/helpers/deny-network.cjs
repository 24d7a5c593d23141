// Preloaded (node --require) into a CLI or server run by the no-network tests: every way Node can reach the network
// (network-hooks.cjs) fails and is written to stderr as "NETWORK ATTEMPT: ...", so a test can tell an attempt from an
// honest error. Worker threads get it through NODE_OPTIONS.
const { writeSync } = require('node:fs');
require('./network-hooks.cjs').hookNetwork((what) => writeSync(2, `NETWORK ATTEMPT: ${what}\n`), { deny: true });
