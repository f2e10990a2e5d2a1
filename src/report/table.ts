/** Alignment of a text column. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as a plain-text table: columns padded to their widest
 * cell, separated by two spaces, with a rule under the header.
 */
export function formatTable(header: string[], rows: string[][], align: Align[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();

  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Formats an integer with thousands separators, as result pages do. */
export function formatCount(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return Math.round(value).toLocaleString('en-US');
}

/** Formats a number with a fixed count of decimals and thousands separators. */
export function formatDecimal(value: number, decimals: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
