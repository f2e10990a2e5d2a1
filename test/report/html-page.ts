/** Readers of the parts of an HTML report page that tests check. */

/**
 * Returns the text of the `sim-result` element as a browser reads it: a
 * script element ends at the first `</script`, in any letter case.
 */
export function embeddedJsonText(page: string): string {
  const open = '<script type="application/json" id="sim-result">';
  const start = page.indexOf(open);
  if (start < 0) throw new Error('page has no sim-result element');
  const contentStart = start + open.length;
  const end = page.slice(contentStart).search(/<\/script/i);
  if (end < 0) throw new Error('sim-result element is never closed');
  return page.slice(contentStart, contentStart + end);
}

/** Class and text of the summary table cell of `line` at `level`. */
export function summaryCell(page: string, line: string, level: number): { verdict: string; text: string } {
  const row = new RegExp(`<tr data-line="${line}">(.*?)</tr>`).exec(page);
  if (row === null) throw new Error(`summary table has no row ${line}`);
  const cell = new RegExp(`<td data-level="${level}" class="(\\w+)">([^<]*)</td>`).exec(row[1] ?? '');
  if (cell === null) throw new Error(`summary row ${line} has no cell for level ${level}`);
  return { verdict: cell[1] ?? '', text: cell[2] ?? '' };
}

/**
 * Cells after the first, in order, of the first table row named `name`
 * that follows each of `markers` in turn, such as a level's heading and
 * then a column header.
 */
export function tableRow(page: string, markers: string[], name: string): string[] {
  let section = page;
  for (const marker of markers) {
    const start = section.indexOf(marker);
    if (start < 0) throw new Error(`page has no ${marker} where expected`);
    section = section.slice(start);
  }
  const row = new RegExp(`<tr><td>${name}</td>(.*?)</tr>`).exec(section);
  if (row === null) throw new Error(`no row ${name} after ${markers.join(', ')}`);
  return [...(row[1] ?? '').matchAll(/<td>([^<]*)<\/td>/g)].map((match) => match[1] ?? '');
}
