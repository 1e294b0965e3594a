/**
 * The site's output directory, relative to the project root: one definition for astro.config.mjs and for
 * `taldau build`, which must know where the last build wrote before Astro is started.
 */
export const outDirSetting = (env: NodeJS.ProcessEnv = process.env): string => env.TALDAU_OUT_DIR || './dist';
