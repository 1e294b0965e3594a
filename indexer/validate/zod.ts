import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Problem } from '../../schemas/common.ts';
import type { LineSource, YamlSource } from '../load/yaml.ts';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  in?: AnySchema;
  getter?: () => AnySchema;
  options?: AnySchema[];
}
const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The field names an object schema at `path` knows, for suggesting the nearest to an unknown one. */
export function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let s: AnySchema | undefined = schema;
  const unwrap = () => {
    for (let i = 0; s && i < 20; i++) {
      const def = defOf(s);
      if (def.innerType) s = def.innerType;
      else if (def.type === 'pipe' && def.in) s = def.in;
      else if (def.type === 'lazy' && def.getter) s = def.getter();
      else break;
    }
  };
  unwrap();
  for (const segment of path) {
    if (!s) return [];
    const def = defOf(s);
    if (def.type === 'object') s = def.shape?.[String(segment)];
    else if (def.type === 'array') s = def.element;
    else return [];
    unwrap();
  }
  if (!s) return [];
  const def = defOf(s);
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap((o) => (defOf(o).type === 'object' ? Object.keys(defOf(o).shape ?? {}) : [])))];
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

export function nearestName(name: string, names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const best = closest(name, names);
  return distance(name, best) <= Math.max(2, Math.ceil(best.length / 2)) ? best : undefined;
}

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Zod issues as problems on the lines of their fields; an unknown field gets the nearest known name as
 * its suggestion (typos such as `case_numer` are the common cause).
 */
export function zodProblems(error: z.ZodError, file: string, source: YamlSource, schema: AnySchema, prefix: PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const near = nearestName(key, known);
        const message = near ? `unknown field "${key}"` : `unknown field "${key}" (known fields: ${known.join(', ')})`;
        problems.push(withLine(source, [...path, key], file, message, near));
      }
      continue;
    }
    problems.push(withLine(source, path, file, describeIssue(issue, valueAt(source.data, path))));
  }
  return problems;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Zod's messages, with the two cases people meet most said plainly. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) return 'required field is missing';
  if (issue.code === 'invalid_union') {
    const first = issue.errors[0]?.[0];
    return `invalid value ${JSON.stringify(value)}${first ? `: ${first.message}` : ''}`;
  }
  return issue.message;
}

export function withLine(source: LineSource | null, path: readonly PropertyKey[], file: string, message: string, suggestion?: string): Problem {
  const line = source?.lineOf(path);
  return {
    file,
    ...(line !== undefined ? { line } : {}),
    ...(path.length ? { field: fieldOf(path) } : {}),
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}
