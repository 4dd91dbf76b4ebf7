// Exporting plans to Word: the checks first (drafts may still leave, marked as drafts), then the save dialog.
import { App as AntApp, List, Typography } from 'antd';
import { groupFindings } from '@shared/check-groups';
import type { CheckFinding } from '@shared/schemas/checks';
import { errorText, request } from '../../api/client';
import { base64ToBytes, saveFile, saveFiles } from '../../api/files';

type Api = ReturnType<typeof AntApp.useApp>;

function confirmFindings(modal: Api['modal'], findings: CheckFinding[]): Promise<boolean> {
  const serious = groupFindings(findings.filter((f) => f.severity !== 'info'));
  if (serious.length === 0) return Promise.resolve(true);
  const where = (g: (typeof serious)[number]) => (g.places.length > 1 ? `（${g.places[0]!.where}等${g.places.length}处）` : g.places.length ? `（${g.places[0]!.where}）` : '');
  return new Promise((resolve) =>
    modal.confirm({
      title: `检查发现 ${serious.length} 个问题，仍要导出吗？`,
      width: 560,
      content: (
        <div>
          <List size="small" dataSource={serious.slice(0, 8)} renderItem={(g) => <List.Item>{g.message}{where(g)}</List.Item>} />
          {serious.length > 8 && <Typography.Text type="secondary">……另有 {serious.length - 8} 个</Typography.Text>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>未发布的预案导出后页眉标注“草稿”“征求意见稿”或“送审稿”。</Typography.Paragraph>
        </div>
      ),
      okText: '仍然导出',
      cancelText: '返回修改',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );
}

export async function exportPlan({ message, modal }: Api, planId: string, options: { toc?: boolean } = {}): Promise<void> {
  try {
    const findings = await request('plan.checks', { id: planId });
    if (!(await confirmFindings(modal, findings))) return;
    const file = await request('plan.export-docx', { id: planId, toc: options.toc });
    const where = await saveFile(file.fileName, 'Word 文档', 'docx', base64ToBytes(file.dataBase64));
    if (where) message.success(`已导出：${where}`);
  } catch (e) {
    message.error(errorText(e));
  }
}

export async function exportPlans({ message }: Api, planIds: string[]): Promise<void> {
  try {
    const files = [];
    for (const id of planIds) {
      const f = await request('plan.export-docx', { id });
      files.push({ name: f.fileName, dataBase64: f.dataBase64 });
    }
    const folder = await saveFiles('选择导出文件夹', files);
    if (folder) message.success(`已导出 ${files.length} 个预案到 ${folder}`);
  } catch (e) {
    message.error(errorText(e));
  }
}
