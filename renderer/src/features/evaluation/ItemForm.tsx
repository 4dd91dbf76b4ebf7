// An improvement item (整改事项): what, who, by when, and whether a plan must change (which clauses).
import { Alert, App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { itemDeadlineProblem } from '@shared/drill-date';
import type { ImprovementItem, ItemInput } from '@shared/schemas/evaluation';
import { ITEM_CATEGORIES } from '@shared/vocabulary';
import { errorText, fieldErrors, request } from '../../api/client';
import { clauseKey, parseClauseKey, usePlanClauses } from '../../components/plan-clauses';
import { useLoad } from '../../components/use-load';
import { BELOW_FIELD, ClauseSelect } from './ClauseSelect';

interface Props {
  item?: ImprovementItem;
  preset?: Partial<ItemInput>;
  /** Plans to offer first, the first one chosen when the item names none yet (the drill's plans). */
  planIds?: string[];
  /** The date the item's drill was held (an existing item carries its own): the deadline may not be earlier. */
  heldOn?: string | null;
  onClose: () => void;
  onSaved: (i: ImprovementItem) => void;
}

export function ItemForm({ item, preset, planIds = [], heldOn, onClose, onSaved }: Props) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const profile = useLoad(() => request('profile.get'));
  const plans = useLoad(() => request('plan.list', {}));
  const base: Partial<ItemInput> = item ?? preset ?? {};
  // One item raises one revision request on one plan: a finding's clauses in other plans are named, not taken.
  const [firstPlan] = useState(() => base.clauses?.[0]?.planId ?? planIds[0]);
  const elsewhere = (base.clauses ?? []).filter((c) => c.planId !== firstPlan);
  const needsPlanChange = Form.useWatch('needsPlanChange', form) as boolean | undefined;
  const planId = Form.useWatch('planId', form) as string | undefined;
  const { plans: clausePlans } = usePlanClauses(planId ? [planId] : []);
  const resolved = item?.request?.status === 'resolved' ? item.request : null;
  const [busy, setBusy] = useState(false);
  // The core's own rule, at the field: a deadline before the drill was held is a slip.
  const held = item?.drillHeldOn ?? heldOn ?? null;
  const notBeforeDrill = {
    validator: (_: unknown, d: dayjs.Dayjs | null | undefined) => {
      const problem = d && held ? itemDeadlineProblem(d.format('YYYY-MM-DD'), held) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
  const planTitle = (id: string) => plans.data?.find((p) => p.id === id)?.title ?? '另一预案';
  const planOptions = [...(plans.data ?? [])].sort((a, b) => Number(planIds.includes(b.id)) - Number(planIds.includes(a.id))).map((p) => ({ value: p.id, label: planIds.includes(p.id) ? `${p.title}（本次演练检验）` : p.title }));

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
      clauses: v.needsPlanChange ? ((v.clauses as string[] | undefined) ?? []).map(parseClauseKey) : [],
    };
    setBusy(true);
    try {
      onSaved(await request('item.save', { id: item?.id, item: input }));
    } catch (e) {
      // The core's paths start at the channel input: item → field.
      const fields = fieldErrors(e).filter((f) => f.path[0] === 'item');
      form.setFields(fields.map((f) => ({ name: f.path.slice(1), errors: [f.message] })));
      if (fields.length === 0) message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={680} keyboard={false} maskClosable={false} title={item ? `整改事项 ${item.code}` : '提出整改事项'} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        data-testid="item-form"
        initialValues={{
          ...base,
          deadline: base.deadline ? dayjs(base.deadline) : dayjs().add(60, 'day'),
          planId: firstPlan,
          clauses: (base.clauses ?? []).filter((c) => c.planId === firstPlan).map(clauseKey),
        }}
      >
        <Form.Item name="description" label="问题与整改内容" rules={[{ required: true, message: '请填写整改内容' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measure" label="整改措施"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="category" label="类别"><Select {...BELOW_FIELD} allowClear options={ITEM_CATEGORIES.map((c) => ({ value: c, label: c }))} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="unit" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
          <Select {...BELOW_FIELD} showSearch optionFilterProp="label" options={(profile.data?.departments ?? []).map((d) => ({ value: d.name, label: d.name }))} data-testid="item-unit" />
        </Form.Item>
        <Form.Item name="owner" label="责任人"><Input maxLength={60} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }, notBeforeDrill]}><DatePicker data-testid="item-deadline" /></Form.Item>
        {resolved && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={`修订请求已由预案 ${resolved.resolvedVersionLabel ?? '新版本'} 销号：需修订的条款不再更改。`} />}
        <Form.Item name="needsPlanChange" valuePropName="checked" extra="勾选并选择需修订的条款后，保存即向该预案提出修订请求；预案新版本修改这些条款后销号。">
          <Checkbox disabled={Boolean(resolved)} data-testid="item-needs-plan">需要修订预案</Checkbox>
        </Form.Item>
        {needsPlanChange && (
          <>
            {elsewhere.length > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="item-clauses-elsewhere"
                message={`该发现还涉及${[...new Set(elsewhere.map((c) => `《${planTitle(c.planId)}》`))].join('、')}的 ${elsewhere.length} 个条款：一个整改事项只向一个预案提出修订请求，其他预案请另行提出整改事项。`}
              />
            )}
            <Form.Item name="planId" label="需修订的预案" rules={[{ required: true, message: '请选择需修订的预案' }]}>
              <Select {...BELOW_FIELD} disabled={Boolean(resolved)} loading={plans.loading} options={planOptions} onChange={() => form.setFieldValue('clauses', [])} data-testid="item-plan" />
            </Form.Item>
            <Form.Item name="clauses" label="需修订的条款" rules={[{ required: true, type: 'array', min: 1, message: '请选择需修订的条款（至少一条），才能向预案提出修订请求' }]}>
              <ClauseSelect plans={planId ? clausePlans : []} noPlans="请先选择需修订的预案" disabled={Boolean(resolved) || !planId} testId="item-sections" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
