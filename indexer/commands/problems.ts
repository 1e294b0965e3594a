import path from 'node:path';
import type { Problem } from '../../schemas/common.ts';

/** `path:line: field: message (suggestion: …)`, the path as the user can open it from where they ran the CLI. */
export function formatProblem(problem: Problem, contentArg: string): string {
  const file = path.join(contentArg, problem.file);
  const where = problem.line !== undefined ? `${file}:${problem.line}` : file;
  const field = problem.field ? `${problem.field}: ` : '';
  const suggestion = problem.suggestion ? `; suggestion: ${problem.suggestion}` : '';
  return `${where}: ${field}${problem.message}${suggestion}`;
}

/** Problems as JSON objects with only the keys that are set. */
export function problemJson(problem: Problem): Problem {
  const { file, line, field, message, suggestion } = problem;
  return {
    file,
    ...(line !== undefined ? { line } : {}),
    ...(field !== undefined ? { field } : {}),
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}
