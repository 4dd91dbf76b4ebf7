// 预案信息: the plan's 名称, 编号, 牵头单位 and 灾种, edited from the editor's header (drafts only; the core refuses
// published and abolished plans).
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { PlanDetail } from '@shared/schemas/plan';
import { errorText, request } from '../../api/client';
import { placeFieldErrors } from '../../components/form-errors';
import { DepartmentInput } from '../../components/DepartmentInput';

type Meta = Pick<PlanDetail, 'title' | 'code' | 'leadUnit' | 'hazard'>;

export function PlanMetaModal({ plan, beforeChange, onSaved, onClose }: { plan: PlanDetail; beforeChange: () => Promise<unknown>; onSaved: (p: PlanDetail) => void; onClose: () => void }) {
  const [form] = Form.useForm<Meta>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await beforeChange();
      const trimmed = { title: v.title.trim(), code: v.code.trim(), leadUnit: v.leadUnit.trim(), hazard: (v.hazard ?? '').trim() };
      onSaved(await request('plan.update-meta', { id: plan.id, ...trimmed }));
      message.success('已保存预案信息');
      onClose();
    } catch (e) {
      if (placeFieldErrors(form, e).length === 0) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <Modal open title="预案信息" onCancel={onClose} onOk={submit} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ title: plan.title, code: plan.code, leadUnit: plan.leadUnit, hazard: plan.hazard }} data-testid="plan-meta-form">
        <Form.Item name="title" label="预案名称" rules={required('预案名称')}>
          <Input maxLength={120} data-testid="meta-title" />
        </Form.Item>
        <Form.Item name="code" label="预案编号" rules={required('预案编号')}>
          <Input maxLength={40} data-testid="meta-code" />
        </Form.Item>
        <Form.Item name="leadUnit" label="牵头单位" rules={required('牵头单位')} extra="可从设置中的部门选择，也可直接填写">
          <DepartmentInput data-testid="meta-lead-unit" />
        </Form.Item>
        <Form.Item name="hazard" label="灾种">
          <Input maxLength={40} data-testid="meta-hazard" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
