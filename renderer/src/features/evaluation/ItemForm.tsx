// An improvement item (整改事项): what, who, by when, and whether a plan must change (which clauses).
import { App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ImprovementItem, ItemInput } from '@shared/schemas/evaluation';
import { ITEM_CATEGORIES } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { sectionTreeData } from '../../components/plan-clauses';
import { useLoad } from '../../components/use-load';

export function ItemForm({ item, preset, onClose, onSaved }: { item?: ImprovementItem; preset?: Partial<ItemInput>; onClose: () => void; onSaved: (i: ImprovementItem) => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const profile = useLoad(() => request('profile.get'));
  const plans = useLoad(() => request('plan.list', {}));
  const base: Partial<ItemInput> = item ?? preset ?? {};
  const [planId, setPlanId] = useState<string | undefined>(base.clauses?.[0]?.planId);
  const plan = useLoad(() => (planId ? request('plan.get', { id: planId }) : Promise.resolve(null)), [planId]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input: ItemInput = {
      findingId: base.findingId ?? null,
      drillId: base.drillId ?? null,
      description: v.description,
      measure: v.measure ?? '',
      category: v.category ?? '',
      unit: v.unit,
      owner: v.owner ?? '',
      deadline: (v.deadline as dayjs.Dayjs).format('YYYY-MM-DD'),
      needsPlanChange: Boolean(v.needsPlanChange),
      clauses: planId ? ((v.sectionIds as string[] | undefined) ?? []).map((sectionId) => ({ planId, sectionId })) : [],
    };
    setBusy(true);
    try {
      onSaved(await request('item.save', { id: item?.id, item: input }));
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={680} title={item ? `整改事项 ${item.code}` : '提出整改事项'} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        data-testid="item-form"
        initialValues={{ ...base, deadline: base.deadline ? dayjs(base.deadline) : dayjs().add(60, 'day'), sectionIds: base.clauses?.map((c) => c.sectionId) ?? [] }}
      >
        <Form.Item name="description" label="问题与整改内容" rules={[{ required: true, message: '请填写整改内容' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measure" label="整改措施"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="category" label="类别"><Select allowClear options={ITEM_CATEGORIES.map((c) => ({ value: c, label: c }))} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="unit" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
          <Select showSearch options={(profile.data?.departments ?? []).map((d) => ({ value: d.name, label: d.name }))} data-testid="item-unit" />
        </Form.Item>
        <Form.Item name="owner" label="责任人"><Input maxLength={60} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}><DatePicker /></Form.Item>
        <Form.Item name="needsPlanChange" valuePropName="checked"><Checkbox data-testid="item-needs-plan">需要修订预案（向预案提出修订请求）</Checkbox></Form.Item>
        <Form.Item label="涉及的预案">
          <Select allowClear value={planId} onChange={setPlanId} options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} data-testid="item-plan" />
        </Form.Item>
        <Form.Item name="sectionIds" label="涉及的条款">
          <TreeSelect multiple treeCheckable showCheckedStrategy={TreeSelect.SHOW_ALL} disabled={!planId} treeData={plan.data ? sectionTreeData(plan.data) : []} data-testid="item-sections" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
