// Messages from the report page are untrusted (the page shows text from scanned code): only the known message types,
// commands from the allow list and finite numeric assumptions reach the extension.
import assert from 'node:assert/strict';
import { parseFromWebview, WEBVIEW_COMMANDS } from '../../../src/server/protocol';

describe('messages from the report page', () => {
  it('passes the handshake, allowed commands and numeric assumptions', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', extra: 1 }), { type: 'ready' });
    for (const command of WEBVIEW_COMMANDS) assert.deepEqual(parseFromWebview({ type: 'command', command }), { type: 'command', command });
    assert.deepEqual(parseFromWebview({ type: 'recompute', assumptions: { avgRequestsPerSecond: 10, cacheHitRatio: 0.5 } }), {
      type: 'recompute',
      assumptions: { avgRequestsPerSecond: 10, cacheHitRatio: 0.5 },
    });
  });

  it('drops anything else: other commands, odd shapes, non-numbers', () => {
    for (const m of [
      null,
      'ready',
      42,
      [],
      {},
      { type: 'eval' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'command', command: 'vscode.open' },
      { type: 'command' },
      { type: 'recompute' },
      { type: 'recompute', assumptions: [1] },
      { type: 'recompute', assumptions: { avgRequestsPerSecond: '10' } },
      { type: 'recompute', assumptions: { avgRequestsPerSecond: Number.NaN } },
      { type: 'recompute', assumptions: { x: Infinity } },
    ])
      assert.equal(parseFromWebview(m), null, JSON.stringify(m));
  });
});
