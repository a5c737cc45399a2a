import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { TextDecoder } from 'node:util';
import { sprintCsv } from '@goalkeeper/contract';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showSprint } from '../testing/render-gadget';
import { BYPASSED, DECIDED, PEOPLE, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

// jsdom has no Blob URLs and does not download: keep the file and see which anchor was clicked.
const files = new Map<string, Blob>();
let clicked: HTMLAnchorElement[] = [];

beforeEach(() => {
  bridgeInvoke.mockReset();
  files.clear();
  clicked = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:goalkeeper/${files.size + 1}`;
    files.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn((url: string) => void files.delete(url));
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});

afterEach(() => jest.restoreAllMocks());

/** jsdom's Blob has no arrayBuffer(); its FileReader reads the bytes. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const EXPORT = { filename: 'goalkeeper-ONB-Sprint-7.csv', csv: sprintCsv(DECIDED, BYPASSED, PEOPLE) };

describe('exporting the sprint', () => {
  it('downloads the backend’s CSV unchanged under its file name, marked as UTF-8 for spreadsheets', async () => {
    showSprint(bridgeInvoke, readyState(), { exportSprintCsv: () => ({ data: EXPORT }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    const anchor = clicked[0]!;
    expect(anchor.download).toBe('goalkeeper-ONB-Sprint-7.csv');
    const file = files.get(anchor.href)!;
    expect(file.type).toBe('text/csv;charset=utf-8');

    // The byte order mark makes Excel read UTF-8; after it, every byte is the backend's (its columns are tested in test/domain).
    const bytes = await bytesOf(file);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(EXPORT.csv);
    expect(callsTo(bridgeInvoke, 'exportSprintCsv')).toEqual([{ boardId: 1 }]);
  });

  it('keeps a link to the file in case the browser did not start the download', async () => {
    showSprint(bridgeInvoke, readyState(), { exportSprintCsv: () => ({ data: EXPORT }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));

    const link = await screen.findByRole('link', { name: 'Download goalkeeper-ONB-Sprint-7.csv again' });
    expect(link).toHaveAttribute('download', 'goalkeeper-ONB-Sprint-7.csv');
    expect(files.has(link.getAttribute('href')!)).toBe(true);
  });

  it('says in words why an export failed', async () => {
    showSprint(bridgeInvoke, readyState(), {
      exportSprintCsv: () => ({ error: { code: 'jira-unavailable', message: 'Jira answered 503 three times.' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Jira answered 503 three times.');
    expect(clicked).toHaveLength(0);
  });
});
