// The scan worker's entry when running from source (tests, the bench under tsx). The bundles serve workers from
// their own entry (src/cli/main.ts, src/server/main.ts), so this file is not bundled.
import { analyseFile } from './analyze';
import { serveScanWorker } from './scan-pool';

serveScanWorker(analyseFile);
