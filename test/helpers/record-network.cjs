// Required first thing by the end-to-end test's installed copy of our extension (dist/extension.js, in the extension
// host) and of our language server (dist/server.js): VS Code does not pass NODE_OPTIONS on to the extension host, so
// the test puts this line into the installed bundles itself. Unlike deny-network.cjs it lets everything through (the
// extension host also runs VS Code's own extensions) and appends each network attempt, with its stack, to `file`, so
// the test can tell whether any came from our code. Each process writes one "loaded" line with its label first.
const { appendFileSync } = require('node:fs');
let started = false;
exports.start = (file, label) => {
  if (started) return;
  started = true;
  const write = (entry) => {
    try {
      appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
    } catch {
      // never break the process under test
    }
  };
  write({ loaded: label });
  require('./network-hooks.cjs').hookNetwork((what) => write({ what: String(what).slice(0, 200), stack: new Error().stack }), { deny: false });
};
