import { relaxedWords } from './relaxed.ts';

/**
 * When the «closest categories» hint is worth its model (~50 KB over the wire): for text that reads like
 * a described situation (three words or more), or when the words did not find anything together. A
 * lawyer's short query («суд», «исковой давности») has its answer in the hits and never loads the model.
 */
export function hintWanted(text: string | null, result: { total: number; relaxed?: boolean }): boolean {
  if (!text) return false;
  return result.relaxed === true || result.total === 0 || relaxedWords(text).length >= 3;
}

/** Runs `task` when the browser is idle (after the hits and counts have been drawn), or soon where it cannot tell. */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}
