// Exporting a document the core built: save it (dialog or download) and say where it went, or why not.
import type { MessageInstance } from 'antd/es/message/interface';
import { errorText } from '../api/client';
import { saveExported } from '../api/files';

export async function exportAndReport(message: MessageInstance, build: () => Promise<{ fileName: string; dataBase64: string }>): Promise<void> {
  try {
    const where = await saveExported(await build());
    if (where) message.success(`已导出：${where}`);
  } catch (e) {
    message.error(errorText(e));
  }
}
