// Entry of the server bundle the VS Code extension starts (dist/server.js): the connection transport (node IPC,
// stdio or a socket) comes from the command line the language client passes.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
