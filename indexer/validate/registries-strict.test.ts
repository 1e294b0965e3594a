import { describe, expect, it } from 'vitest';
import { parseYaml } from '../load/yaml.ts';
import type { RegistryKind } from '../load/registries.ts';
import { validateRegistries } from './registries.ts';

const source = (file: string, kind: RegistryKind, yaml: string) => ({ file, kind, source: parseYaml(yaml) });

/**
 * A misspelt key in a registry (`alias:` for `aliases:`) used to vanish silently: the court simply lost
 * its aliases. Registries are now as strict as frontmatter: the key is reported on its line with the
 * nearest known name, and the entry's valid neighbours still load.
 */
describe('registry files refuse unknown keys', () => {
  const { input, problems } = validateRegistries([
    source('courts/regions.yaml', 'regions', 'regions:\n  - id: astana\n    name: { ru: Астана, kk: Астана, en: Astana }\n    kind: city\n'),
    source(
      'courts/astana.yaml',
      'courts',
      [
        'courts:',
        '  - id: astana-city-court',
        '    name: { ru: Суд города Астаны, kk: Астана қаласының соты, en: Astana City Court }',
        '    region: astana',
        '    level: regional',
        '    alias: [Астанинский горсуд]',
        '  - id: astana-district-court',
        '    name: { ru: Районный суд, kk: Аудандық сот, en: District Court }',
        '    region: astana',
        '    level: district',
        '',
      ].join('\n'),
    ),
    source('classifier/g.yaml', 'classifier', 'code: G\nname: { ru: Гражданские, kk: Азаматтық, en: Civil }\nproceeding: civil\nchildren:\n  - code: G.01\n    name: { ru: Собственность, kk: Меншік, en: Property }\n    synonym: [x]\n'),
  ]);

  it('names the file, line and field, with the nearest known name', () => {
    expect(problems).toContainEqual(expect.objectContaining({ file: 'courts/astana.yaml', line: 6, field: 'courts.0.alias', message: 'unknown field "alias"', suggestion: 'aliases' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'classifier/g.yaml', line: 7, field: 'children.0.synonym', message: expect.stringContaining('unknown field "synonym"') }));
  });

  it('reports nothing else: the rest of the fixture is valid', () => {
    expect(problems).toHaveLength(2);
  });

  it('keeps the valid neighbours', () => {
    expect(input.courts.map((c) => c.id)).toContain('astana-district-court');
    expect(input.courts.map((c) => c.id)).not.toContain('astana-city-court');
  });
});
