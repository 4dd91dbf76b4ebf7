// A finding (亮点 or 问题), linked to the injects, observations and plan clauses it concerns.
import { App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { EvaluationReport, Finding, FindingInput } from '@shared/schemas/evaluation';
import { injectNumbers } from '@shared/script-checks';
import { errorText, request } from '../../api/client';
import { clauseKey, parseClauseKey, usePlanClauses } from '../../components/plan-clauses';
import { BELOW_FIELD, ClauseSelect } from './ClauseSelect';
import { NO_DRILL_PLAN, drillPlanIds } from '../../components/drill-plans';

export function FindingForm({ report, finding, onClose, onSaved }: { report: EvaluationReport; finding?: Finding; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const { plans } = usePlanClauses(drillPlanIds(report, finding?.clauses));
  const numbers = injectNumbers(report.script);
  const observations = report.events.filter((e) => e.type === 'observation' || e.type === 'action');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const clauses = ((v.clauses as string[] | undefined) ?? []).map(parseClauseKey);
    const input: FindingInput = { kind: v.kind, title: v.title, detail: v.detail ?? '', criterionId: v.criterionId ?? null, injectIds: v.injectIds ?? [], observationIds: v.observationIds ?? [], clauses, unit: v.unit ?? '' };
    setBusy(true);
    try {
      await request('finding.save', { drillId: report.drill.id, id: finding?.id, finding: input });
      onSaved();
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={720} keyboard={false} maskClosable={false} title={finding ? '编辑评估发现' : '新增评估发现'} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        data-testid="finding-form"
        initialValues={finding ? { ...finding, clauses: finding.clauses.map(clauseKey) } : { kind: 'problem', injectIds: [], observationIds: [], clauses: [] }}
      >
        <Form.Item name="kind"><Radio.Group options={[{ value: 'strength', label: '亮点' }, { value: 'problem', label: '问题' }]} /></Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} data-testid="finding-title" /></Form.Item>
        <Form.Item name="detail" label="情况说明"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="criterionId" label="对应评估项"><Select {...BELOW_FIELD} allowClear showSearch optionFilterProp="label" options={report.criteria.criteria.map((c) => ({ value: c.id, label: `${c.group} · ${c.title}` }))} /></Form.Item>
        <Form.Item name="unit" label="涉及单位"><Input maxLength={120} /></Form.Item>
        {/* Search the label people read (第5条 先期处置, 记录文字), not the ids behind it. */}
        <Form.Item name="injectIds" label="相关注入"><Select {...BELOW_FIELD} mode="multiple" optionFilterProp="label" data-testid="finding-injects" options={report.script.injects.map((i) => ({ value: i.id, label: `第${numbers.get(i.id)}条 ${i.scene}` }))} /></Form.Item>
        <Form.Item name="observationIds" label="相关记录"><Select {...BELOW_FIELD} mode="multiple" optionFilterProp="label" data-testid="finding-observations" options={observations.map((o) => ({ value: o.id, label: `${new Date(o.at).toLocaleTimeString('zh-CN')} ${o.text}`.slice(0, 60) }))} /></Form.Item>
        <Form.Item name="clauses" label="相关预案条款"><ClauseSelect plans={plans} noPlans={NO_DRILL_PLAN} testId="finding-clauses" /></Form.Item>
      </Form>
    </Modal>
  );
}
