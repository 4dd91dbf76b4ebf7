// Opening and saving files the same way in both shells: native dialogs in Electron, file input and downloads in the browser.
import { call } from './client';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function browserPick(extensions: string[]): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'file-picker';
    input.onchange = async () => {
      const f = input.files?.[0];
      input.remove();
      resolve(f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null);
    };
    input.oncancel = () => {
      input.remove();
      resolve(null);
    };
    document.body.append(input);
    input.click();
  });
}

/** Null when the user cancels. */
export async function pickFile(title: string, filterName: string, extensions: string[]): Promise<PickedFile | null> {
  const r = await call('dialog.open-file', { title, filters: [{ name: filterName, extensions }] });
  if (r.ok) return r.data ? { name: r.data.name, bytes: base64ToBytes(r.data.dataBase64) } : null;
  if (r.error.code !== 'UNSUPPORTED') throw new Error(r.error.message);
  return browserPick(extensions);
}

/** Saves through the native dialog, or as a browser download; returns where it went (a name in the browser). */
export async function saveFile(suggestedName: string, filterName: string, extension: string, bytes: Uint8Array): Promise<string | null> {
  const r = await call('dialog.save-file', { suggestedName, filters: [{ name: filterName, extensions: [extension] }], dataBase64: bytesToBase64(bytes) });
  if (r.ok) return r.data?.path ?? null;
  if (r.error.code !== 'UNSUPPORTED') throw new Error(r.error.message);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return suggestedName;
}

/** Several files into one folder (Electron), or one download each (browser). */
export async function saveFiles(title: string, files: { name: string; dataBase64: string }[]): Promise<string | null> {
  const r = await call('dialog.save-files', { title, files });
  if (r.ok) return r.data?.folder ?? null;
  if (r.error.code !== 'UNSUPPORTED') throw new Error(r.error.message);
  for (const f of files) await saveFile(f.name, 'Word 文档', 'docx', base64ToBytes(f.dataBase64));
  return '浏览器下载文件夹';
}

/** Saves a document the core exported ({fileName, dataBase64}); returns where it went. */
export function saveExported(file: { fileName: string; dataBase64: string }): Promise<string | null> {
  const ext = file.fileName.split('.').pop() ?? 'docx';
  const names: Record<string, string> = { docx: 'Word 文档', xlsx: 'Excel 工作簿', json: '演练数据包' };
  return saveFile(file.fileName, names[ext] ?? '文件', ext, base64ToBytes(file.dataBase64));
}

export { base64ToBytes, bytesToBase64 };
