/**
 * Hands a CSV the backend produced to the browser as a file. Forge's Custom UI iframe allows
 * downloads started by a user gesture (its sandbox has `allow-downloads`), so the file is offered
 * through a Blob URL on an anchor with `download`, clicked right away and also shown as a link in
 * case the browser judged the gesture too old by the time the backend answered.
 */

/** Excel reads a CSV without a byte order mark in the system's code page, garbling ä, ß, é… */
const UTF8_BOM = '\uFEFF';

export function csvFile(csv: string): Blob {
  return new Blob([UTF8_BOM, csv], { type: 'text/csv;charset=utf-8' });
}

export function startDownload(url: string, filename: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
