// Every way Node reaches the network (TCP sockets, DNS, http/https/http2, fetch, WebSocket, UDP), wrapped once for
// the two test helpers: deny-network.cjs (each attempt reported, then refused) and record-network.cjs (each attempt
// reported, then let through). One list, so the two cannot drift apart.
//
// hookNetwork(onAttempt, { deny }): onAttempt(what) sees a short description of every attempt.
exports.hookNetwork = (onAttempt, { deny }) => {
  const denied = (what) => new Error(`network access denied by the test: ${what}`);
  /** Wraps obj[name]: report, then refuse or call the original. */
  const wrap = (obj, name, describe, { async = false } = {}) => {
    const original = obj[name];
    if (typeof original !== 'function') return;
    obj[name] = function (...args) {
      const what = describe(args);
      onAttempt(what);
      if (deny) {
        if (async) return Promise.reject(denied(what));
        throw denied(what);
      }
      return original.apply(this, args);
    };
  };

  const net = require('node:net');
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    // net.connect() hands connect() its arguments normalised into an array: [options, callback].
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    // Local IPC (a named pipe or unix socket path) is not the network: the language server's IPC stays allowed.
    const path = typeof first === 'string' ? first : first && typeof first === 'object' ? first.path : undefined;
    if (!(path !== undefined && (typeof first === 'string' || !first.port))) {
      const what = `net.Socket.connect ${JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first)}`;
      onAttempt(what);
      if (deny) throw denied(what);
    }
    return connect.apply(this, args);
  };

  const dns = require('node:dns');
  for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
    wrap(dns, fn, (a) => `dns.${fn} ${a[0]}`);
    wrap(dns.promises, fn, (a) => `dns.promises.${fn} ${a[0]}`, { async: true });
  }
  for (const mod of ['node:http', 'node:https', 'node:http2']) {
    const m = require(mod);
    for (const fn of ['request', 'get', 'connect']) {
      wrap(m, fn, (a) => `${mod}.${fn} ${a[0] && typeof a[0] === 'object' && !(a[0] instanceof URL) ? `${a[0].host ?? a[0].hostname}${a[0].path ?? ''}` : String(a[0])}`.slice(0, 120));
    }
  }
  wrap(globalThis, 'fetch', (a) => `fetch ${a[0] instanceof Request ? a[0].url : String(a[0])}`.slice(0, 120), { async: true });
  if (globalThis.WebSocket) {
    const Original = globalThis.WebSocket;
    globalThis.WebSocket = class extends Original {
      constructor(url, ...rest) {
        onAttempt(`WebSocket ${url}`);
        if (deny) throw denied(`WebSocket ${url}`);
        super(url, ...rest);
      }
    };
  }
  wrap(require('node:dgram'), 'createSocket', () => 'dgram.createSocket');
};
