/** Medians and the figures' text for the benchmark's tables. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function worst(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '—' : `${Math.round(value)} ms`;
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function MB(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(value) ? `x ${(value / baseline).toFixed(1)}` : '—';
}

/** A Markdown table with right-aligned figure columns, printable as is and pasted into the README. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length), 3));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : '-'.repeat(width - 1) + ':')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
