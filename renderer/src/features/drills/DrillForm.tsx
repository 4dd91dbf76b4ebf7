// The programme entry of a drill: what, how, when, where, who, and which plans and sections it tests.
import { App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { drillDateProblem } from '@shared/drill-date';
import { drillTimesProblem } from '@shared/drill-window';
import type { Drill, DrillInput } from '@shared/schemas/drill';
import { DRILL_FORMS, DRILL_PURPOSES, DRILL_SCOPES } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { DepartmentInput } from '../../components/DepartmentInput';
import { useLoad } from '../../components/use-load';

interface FormValues extends Omit<DrillInput, 'date' | 'startTime' | 'endTime' | 'objectives' | 'participants' | 'planLinks'> {
  date: dayjs.Dayjs;
  startTime: dayjs.Dayjs;
  endTime?: dayjs.Dayjs | null;
  objectives: string;
  participants: string[];
  planIds: string[];
}

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** The end time checked against the start by the core's own rule, at the field, as either is changed. */
const endAfterStart = ({ getFieldValue }: { getFieldValue: (name: 'startTime') => dayjs.Dayjs | null | undefined }) => ({
  validator: (_: unknown, end: dayjs.Dayjs | null | undefined) => {
    const start = getFieldValue('startTime');
    const problem = start && end ? drillTimesProblem({ startTime: start.format('HH:mm'), endTime: end.format('HH:mm') }) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

/** The date checked by the core's own rule (2000 to ten years ahead), at the field. */
const dateInRange = {
  validator: (_: unknown, date: dayjs.Dayjs | null | undefined) => {
    const problem = date ? drillDateProblem(date.format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD')) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

export function DrillForm({ drill, initialDate, onClose, onSaved }: { drill?: Drill; initialDate?: string; onClose: () => void; onSaved: (d: Drill) => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message, modal } = AntApp.useApp();
  const plans = useLoad(() => request('plan.list', {}));
  const profile = useLoad(() => request('profile.get'));
  const [busy, setBusy] = useState(false);
  // Esc, the × and 取消 close an untouched dialog at once; once anything was typed or picked, they ask first.
  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: '放弃未保存的内容？',
      content: '本对话框中填写的内容尚未保存，关闭后将丢失。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: onClose,
    });
  };
  const initial: Partial<FormValues> = drill
    ? { ...drill, date: dayjs(drill.date), startTime: dayjs(`2000-01-01T${drill.startTime}`), endTime: drill.endTime ? dayjs(`2000-01-01T${drill.endTime}`) : null, objectives: drill.objectives.join('\n'), planIds: drill.planLinks.map((l) => l.planId) }
    : { form: 'combined', scope: 'comprehensive', purpose: 'test', keyIndustry: false, majorNaturalDisaster: false, date: initialDate ? dayjs(initialDate) : dayjs().add(30, 'day'), startTime: dayjs('2000-01-01T09:00'), objectives: '', participants: [], planIds: [], hazard: '', place: '', organizer: '', notes: '' };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const previous = new Map((drill?.planLinks ?? []).map((l) => [l.planId, l.sectionIds]));
    const input: DrillInput = {
      name: v.name,
      form: v.form,
      scope: v.scope,
      purpose: v.purpose,
      hazard: v.hazard ?? '',
      keyIndustry: Boolean(v.keyIndustry),
      majorNaturalDisaster: Boolean(v.majorNaturalDisaster),
      planLinks: (v.planIds ?? []).map((planId) => ({ planId, sectionIds: previous.get(planId) ?? [] })),
      objectives: (v.objectives ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      date: v.date.format('YYYY-MM-DD'),
      startTime: v.startTime.format('HH:mm'),
      endTime: v.endTime ? v.endTime.format('HH:mm') : null,
      place: v.place ?? '',
      organizer: v.organizer ?? '',
      participants: v.participants ?? [],
      notes: v.notes ?? '',
    };
    setBusy(true);
    try {
      onSaved(drill ? await request('drill.update', { id: drill.id, drill: input }) : await request('drill.create', input));
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  const departments = (profile.data?.departments ?? []).map((d) => ({ value: d.name, label: d.name }));
  return (
    <Modal open width={760} title={drill ? '编辑演练' : '新建演练'} onCancel={close} onOk={submit} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="drill-form">
        <Form.Item name="name" label="演练名称" rules={[{ required: true, message: '请填写演练名称' }]}>
          <Input maxLength={120} placeholder="如：2026年小店区森林火灾综合应急演练" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="form" label="形式"><Radio.Group options={options(DRILL_FORMS)} /></Form.Item>
          <Form.Item name="scope" label="范围"><Radio.Group options={options(DRILL_SCOPES)} /></Form.Item>
          <Form.Item name="purpose" label="目的"><Radio.Group options={options(DRILL_PURPOSES)} /></Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="hazard" label="灾种/事件类型"><Input style={{ width: 180 }} maxLength={40} /></Form.Item>
          <Form.Item name="keyIndustry" valuePropName="checked" label=" "><Checkbox>重点行业领域</Checkbox></Form.Item>
          <Form.Item name="majorNaturalDisaster" valuePropName="checked" label=" "><Checkbox>重大自然灾害</Checkbox></Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }, dateInRange]}><DatePicker /></Form.Item>
          <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}><TimePicker format="HH:mm" /></Form.Item>
          <Form.Item name="endTime" label="结束时间" dependencies={['startTime']} rules={[endAfterStart]}><TimePicker format="HH:mm" /></Form.Item>
        </Space>
        {/* A row of its own: the end time's message takes the room beside it without pushing the place about. */}
        <Form.Item name="place" label="地点"><Input maxLength={120} /></Form.Item>
        <Form.Item name="planIds" label="检验的预案">
          <Select mode="multiple" options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} placeholder="选择本次演练检验的预案" data-testid="drill-plans" />
        </Form.Item>
        <Form.Item name="objectives" label="演练目标（每行一条）">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space wrap size="large" style={{ width: '100%' }}>
          {/* Any unit typed is kept (区人民政府 often organises, and is rarely a department in 设置); the list only suggests. */}
          <Form.Item name="organizer" label="组织单位"><DepartmentInput maxLength={120} style={{ width: 260 }} placeholder="选择或直接填写" data-testid="drill-organizer" /></Form.Item>
          <Form.Item name="participants" label="参演单位"><Select mode="tags" tokenSeparators={['、', '，', ',', '；', ';']} style={{ width: 420 }} options={departments} data-testid="drill-participants" /></Form.Item>
        </Space>
        <Form.Item name="notes" label="备注"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
