// The scan workers' entry when running from source (tests, the bench under tsx): a scan-pool worker (files) or the
// language server's scan thread (whole scans). The bundles serve both from their own entry (src/cli/main.ts,
// src/server/main.ts), so this file is not bundled.
import { analyseFile, analyze } from './analyze';
import { serveScanWorker } from './scan-pool';
import { serveScanThread } from './scan-thread';

if (!serveScanWorker(analyseFile)) serveScanThread(analyze);
