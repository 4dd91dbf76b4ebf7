// Choose a municipal template revision and a numbering style; the new plan opens in the editor.
import { App as AntApp, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

export function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const list = useLoad(() => request('template.list'));
  const [form] = Form.useForm<{ template: string; numbering: 'decimal' | 'official' }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const options = (list.data?.templates ?? []).map((t) => ({ value: `${t.id}@${t.revision}`, label: `${t.hazard} · ${t.title}（${t.revision} 修订）` }));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const [templateId, revision] = v.template.split('@') as [string, string];
    setBusy(true);
    try {
      const plan = await request('plan.create', { templateId, revision, numbering: v.numbering });
      onClose();
      navigate('plans', plan.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="新建预案" open={open} onCancel={onClose} onOk={submit} okText="创建" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ numbering: 'decimal' }} data-testid="new-plan-form">
        <Form.Item label="上位预案模板" name="template" rules={[{ required: true, message: '请选择模板' }]}>
          <Select options={options} showSearch optionFilterProp="label" placeholder="选择市级预案及修订版本" data-testid="new-plan-template" />
        </Form.Item>
        <Form.Item label="标题编号样式" name="numbering">
          <Radio.Group>
            <Radio value="decimal">1 / 1.1 / 1.1.1（多数已发布预案）</Radio>
            <Radio value="official">一、（一）1.（1）（公文样式）</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
