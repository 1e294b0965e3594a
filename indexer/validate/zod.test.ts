import { describe, expect, it } from 'vitest';
import { ResolutionFrontmatter, SummaryFrontmatter } from '../../schemas/documents.ts';
import { parseYaml } from '../load/yaml.ts';
import { knownKeys, zodProblems } from './zod.ts';

const problemsOf = (schema: typeof ResolutionFrontmatter | typeof SummaryFrontmatter, yaml: string) => {
  const source = parseYaml(yaml, 2);
  const parsed = schema.partial().safeParse(source.data);
  return parsed.success ? [] : zodProblems(parsed.error, 'f.md', source, schema);
};

describe('zod problems', () => {
  it('knows the fields of nested objects and list items', () => {
    expect(knownKeys(SummaryFrontmatter, ['period'])).toEqual(['from', 'to']);
    expect(knownKeys(ResolutionFrontmatter, ['status_acts', 0])).toEqual(['relation', 'act', 'date', 'resolution']);
  });

  it('suggests the nearest field inside nested objects and lists, on the line of the field', () => {
    expect(problemsOf(SummaryFrontmatter, 'period:\n  from: 2022-01-01\n  too: 2022-12-31\n')).toEqual([
      { file: 'f.md', line: 2, field: 'period.to', message: 'required field is missing' },
      { file: 'f.md', line: 4, field: 'period.too', message: 'unknown field "too"', suggestion: 'to' },
    ]);
    const list = problemsOf(ResolutionFrontmatter, 'status_acts:\n  - relation: amended\n    act: x\n  - relaton: repealed\n    act: y\n');
    expect(list).toContainEqual({ file: 'f.md', line: 5, field: 'status_acts.1.relaton', message: 'unknown field "relaton"', suggestion: 'relation' });
    expect(list).toContainEqual(expect.objectContaining({ line: 5, field: 'status_acts.1.relation', message: 'required field is missing' }));
  });

  it('points a wrong type at its own line', () => {
    expect(problemsOf(ResolutionFrontmatter, 'title: x\nstatus: active\n')).toEqual([
      expect.objectContaining({ line: 3, field: 'status', message: expect.stringContaining('"in-force"') }),
    ]);
  });
});

describe('union values', () => {
  it('says what was wrong with a value of the wrong type', () => {
    expect(problemsOf(SummaryFrontmatter, 'date: 20230514\n')).toEqual([
      expect.objectContaining({ line: 2, field: 'date', message: 'invalid value 20230514: Invalid input: expected string, received number' }),
    ]);
  });
});
