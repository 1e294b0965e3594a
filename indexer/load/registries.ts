import { decodeText } from './decode.ts';
import { readContentFiles } from './files.ts';
import { parseYaml, type YamlSource } from './yaml.ts';
import type { Problem } from '../../schemas/common.ts';

export type RegistryKind = 'classifier' | 'regions' | 'courts' | 'norms';

export interface RegistrySource {
  file: string;
  kind: RegistryKind;
  source: YamlSource;
}

const YAML_EXTS = ['.yaml', '.yml'];

/** Reads and parses every registry file; files that cannot be read as YAML become problems. */
export async function loadRegistrySources(contentDir: string): Promise<{ sources: RegistrySource[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const sources: RegistrySource[] = [];
  const groups: [string, (file: string) => RegistryKind][] = [
    ['classifier', () => 'classifier'],
    ['courts', (file) => (/\/regions\.ya?ml$/.test(file) ? 'regions' : 'courts')],
    ['norms', () => 'norms'],
  ];
  for (const [dir, kindOf] of groups) {
    for (const { file, bytes } of await readContentFiles(contentDir, dir, YAML_EXTS)) {
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        problems.push({ file, message: decoded.message, ...(decoded.suggestion ? { suggestion: decoded.suggestion } : {}) });
        continue;
      }
      const source = parseYaml(decoded.text);
      for (const e of source.errors) problems.push({ file, ...(e.line ? { line: e.line } : {}), message: e.message });
      if (source.errors.length === 0) sources.push({ file, kind: kindOf(file), source });
    }
  }
  return { sources, problems };
}
