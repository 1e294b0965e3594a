import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildInputs, recordBuild } from '../build/plan.ts';
import { clearState, stateDirFor } from '../build/state.ts';
import { contentDir, getKb } from '../lib/kb.ts';
import { serverSearchConfigured } from './search-endpoint.ts';

/**
 * Records what a complete build wrote (site/build/state.ts), so that the next `taldau build` can update the
 * output in place instead of building it whole (site/build/plan.ts). The record is removed when a build
 * starts and written after every other integration has finished at `astro:build:done` (this one comes
 * last in astro.config.mjs), so only a complete output is ever described.
 */
export function taldauBuildState(): AstroIntegration {
  let root = process.cwd();
  let stateDir: string | undefined;
  return {
    name: 'taldau-build-state',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        stateDir = serverSearchConfigured(process.env) ? undefined : stateDirFor(root, fileURLToPath(config.outDir));
      },
      'astro:build:start': async () => {
        if (stateDir) await clearState(stateDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!stateDir) return;
        const outDir = fileURLToPath(dir).replace(/\/+$/, '');
        const inputs = await buildInputs(await getKb(), root, contentDir());
        await recordBuild(stateDir, outDir, inputs);
        logger.info(`build state recorded for the next update (${stateDir})`);
      },
    },
  };
}
