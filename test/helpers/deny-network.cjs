// Preloaded (node --require) into a CLI or server run by the no-network tests: every way Node can reach the network
// (sockets, DNS, http/https, fetch, WebSocket, UDP) fails and is written to stderr as "NETWORK ATTEMPT: ...", so a test
// can tell an attempt from an honest error. Worker threads get it through NODE_OPTIONS.
const { writeSync } = require('node:fs');
const report = (what) => {
  writeSync(2, `NETWORK ATTEMPT: ${what}\n`);
  return new Error(`network access denied by the test: ${what}`);
};
const net = require('node:net');
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  // Local IPC (a named pipe or unix socket path) is not the network: the language server's stdio/IPC stays allowed.
  const path = typeof first === 'string' ? first : first && typeof first === 'object' ? first.path : undefined;
  if (path !== undefined && (typeof first === 'string' || !first.port)) return origConnect.apply(this, args);
  throw report(`net.Socket.connect ${JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first)}`);
};
const dns = require('node:dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[fn] = (...args) => { throw report(`dns.${fn} ${args[0]}`); };
  if (dns.promises[fn]) dns.promises[fn] = async (...args) => { throw report(`dns.promises.${fn} ${args[0]}`); };
}
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const fn of ['request', 'get', 'connect']) if (typeof m[fn] === 'function') m[fn] = (...args) => { throw report(`${mod}.${fn} ${String(args[0]).slice(0, 80)}`); };
}
globalThis.fetch = async (input) => { throw report(`fetch ${String(input).slice(0, 80)}`); };
if (globalThis.WebSocket) globalThis.WebSocket = class { constructor(url) { throw report(`WebSocket ${url}`); } };
const dgram = require('node:dgram');
dgram.createSocket = () => { throw report('dgram.createSocket'); };
