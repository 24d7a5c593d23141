// Entry of the server bundle the VS Code extension starts (dist/server.js): the connection transport (node IPC,
// stdio or a socket) comes from the command line the language client passes.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { analyseFile, analyze } from '../core/analyze';
import { serveScanWorker } from '../core/scan-pool';
import { serveScanThread } from '../core/scan-thread';
import { startServer } from './server';

// Workspace-scan workers and the scan thread run this same bundle: they serve files or scans, not LSP.
if (!serveScanWorker(analyseFile) && !serveScanThread(analyze)) startServer(createConnection(ProposedFeatures.all));
