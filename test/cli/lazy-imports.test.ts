import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/*
 * Start-up time: `--version`, tables and JSON must not load the HTML
 * renderer nor the charting library behind it. This follows the static
 * imports (those that load when the module loads: not `import type`, not
 * `await import(…)`) from a module and lists every file and package reached.
 */
function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?\sfrom\s+'([^']+)'/gm),
      ...source.matchAll(/^\s*import\s+'([^']+)'/gm),
    ].map((m) => m[1] as string);
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
      else packages.add(s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string));
    }
  };
  visit(join(ROOT, entry));
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('what loads at start-up', () => {
  it('the CLI loads neither the HTML renderer nor Vega', () => {
    const { files, packages } = staticGraph('src/cli/main.ts');
    expect(files).toContain('src/cli/run.ts'); // the walk follows imports
    expect(files.filter((f) => f.startsWith('src/reporters/html/'))).toEqual([]);
    expect(packages).not.toContain('vega');
    expect(packages).not.toContain('vega-lite');
  });

  it('the report, check, pipeline and cohorts commands load the HTML renderer only when asked for HTML', () => {
    for (const command of [
      'src/cli/report-command.ts',
      'src/cli/check-command.ts',
      'src/cli/pipeline-command.ts',
      'src/cli/cohorts-command.ts',
    ]) {
      const { files } = staticGraph(command);
      expect(files.filter((f) => f.startsWith('src/reporters/html/'))).toEqual([]);
      expect(readFileSync(join(ROOT, command), 'utf8')).toContain("await import('../reporters/html/index.js')");
    }
  });

  it('the HTML renderer loads Vega on its first chart only', () => {
    const { files, packages } = staticGraph('src/reporters/html/index.ts');
    expect(files).toContain('src/reporters/html/svg.ts');
    expect(packages).not.toContain('vega');
    expect(packages).not.toContain('vega-lite');
    expect(readFileSync(join(ROOT, 'src/reporters/html/svg.ts'), 'utf8')).toContain(
      "Promise.all([import('vega-lite'), import('vega')])",
    );
  });
});
