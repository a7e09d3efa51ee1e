/** Child-process entry of ensureRendererBuilt: the renderer build, with NODE_ENV=production. */
import { buildRenderer } from './build-renderer';

buildRenderer().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
