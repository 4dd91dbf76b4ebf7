// Bench results: a table on stdout and test-results/bench.json as {name: {value, unit, target}}.
import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  value: number;
  unit: string;
  target?: number;
}

export type Figures = Record<string, Figure>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function writeReport(repo: string, figures: Figures): void {
  const file = path.join(repo, 'test-results', 'bench.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Figures) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, ...figures }, null, 2));
  const rows = Object.entries(figures).map(([name, f]) => {
    const verdict = f.target === undefined ? '' : f.value <= f.target ? 'ok' : 'OVER';
    return `${name.padEnd(40)} ${String(round(f.value)).padStart(10)} ${f.unit.padEnd(6)} ${f.target === undefined ? '' : `target ${f.target}`.padEnd(14)} ${verdict}`;
  });
  console.log(['name'.padEnd(40) + ' value'.padStart(11), ...rows].join('\n'));
  console.log(`\nwritten to ${path.relative(repo, file)}`);
}
