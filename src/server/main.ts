// Entry of the server bundle the VS Code extension starts (dist/server.js): the connection transport (node IPC,
// stdio or a socket) comes from the command line the language client passes.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { analyseFile } from '../core/analyze';
import { serveScanWorker } from '../core/scan-pool';
import { startServer } from './server';

// Workspace-scan workers run this same bundle: they serve files, not LSP.
if (!serveScanWorker(analyseFile)) startServer(createConnection(ProposedFeatures.all));
