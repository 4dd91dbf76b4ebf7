// 印发通知: the notice that issues the plan, as a GB/T 9704 公文 with 版头, 发文字号 and 版记.
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../../api/client';
import { saveExported } from '../../api/files';
import { docNumberProblem } from '@shared/doc-number';

export function NoticeModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ docNumber: string; recipients: string; copyTo?: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const where = await saveExported(await request('plan.export-notice', { id: planId, ...v }));
      if (where) message.success(`已导出：${where}`);
      onClose();
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="导出印发通知" onCancel={onClose} onOk={submit} okText="导出" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ docNumber: `小政办发〔${new Date().getFullYear()}〕  号`, recipients: '各街道办事处（乡镇人民政府），区直各有关单位' }} data-testid="notice-form">
        <Form.Item name="docNumber" label="发文字号" rules={[{ validator: (_r, v: string | undefined) => { const problem = docNumberProblem(v ?? ''); return problem ? Promise.reject(new Error(problem)) : Promise.resolve(); } }]} extra="如：小政办发〔2025〕3号（年份用六角括号，不编虚位）">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="recipients" label="主送机关" rules={[{ required: true, message: '请填写主送机关' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="copyTo" label="抄送（版记）">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：区委各部门，区人大常委会办公室，区政协办公室。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
