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
  const record = (what) => write({ what: String(what).slice(0, 200), stack: new Error().stack });
  const net = require('node:net');
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const first = args[0];
    const path = typeof first === 'string' ? first : first && typeof first === 'object' ? first.path : undefined;
    // A named pipe or unix socket is local IPC, not the network.
    if (!(path !== undefined && (typeof first === 'string' || !first.port))) record(`net.Socket.connect ${JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first)}`);
    return connect.apply(this, args);
  };
  const dns = require('node:dns');
  const lookup = dns.lookup;
  dns.lookup = function (host, ...rest) {
    record(`dns.lookup ${host}`);
    return lookup.call(this, host, ...rest);
  };
  for (const mod of ['node:http', 'node:https']) {
    const m = require(mod);
    for (const fn of ['request', 'get']) {
      const orig = m[fn];
      m[fn] = function (...args) {
        record(`${mod}.${fn} ${typeof args[0] === 'object' && args[0] && !(args[0] instanceof URL) ? `${args[0].host ?? args[0].hostname}${args[0].path ?? ''}` : args[0]}`);
        return orig.apply(this, args);
      };
    }
  }
  if (typeof globalThis.fetch === 'function') {
    const fetch = globalThis.fetch;
    globalThis.fetch = function (input, init) {
      record(`fetch ${input instanceof Request ? input.url : input}`);
      return fetch.call(this, input, init);
    };
  }
};
