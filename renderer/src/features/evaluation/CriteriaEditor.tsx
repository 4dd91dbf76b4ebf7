// 评估标准 tab: this drill's own copy of a criteria set — another shipped set, or criteria added, removed,
// reordered and reworded — with the answers a change would drop shown before it is saved. The edits live in
// the page's CriteriaDraft (use-criteria-draft.ts), so the tab can be left and come back to.
import { App as AntApp, Alert, Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FieldError } from '@shared/errors';
import { describeAnswerChange, reconcileAnswers, type AnswerChange } from '@shared/evaluation-answers';
import type { Criterion, EvaluationReport } from '@shared/schemas/evaluation';
import { WEIGHT_TOLERANCE, weightTotal } from '@shared/vocabulary';
import { ApiError, errorText, fieldErrors, request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { newSectionId } from '../../editor/ids';
import { Problem, ScaleEditor } from './ScaleEditor';
import { sameValue as same, type CriteriaDraft } from './use-criteria-draft';

function ChangeList({ changes }: { changes: AnswerChange[] }) {
  return <ul style={{ paddingLeft: 18, margin: 0 }}>{changes.map((c, i) => <li key={i}>{describeAnswerChange(c)}</li>)}</ul>;
}

function confirmDrop(modal: ReturnType<typeof AntApp.useApp>['modal'], dropped: AnswerChange[]): Promise<boolean> {
  return new Promise((resolve) =>
    modal.confirm({
      title: `保存后将丢弃 ${dropped.length} 条已填写的评分`,
      content: <ChangeList changes={dropped} />,
      okText: '丢弃并保存',
      okButtonProps: { danger: true },
      cancelText: '返回修改',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );
}

export function CriteriaEditor({ report, edits, onSaved }: { report: EvaluationReport; edits: CriteriaDraft; onSaved: (r: EvaluationReport) => void }) {
  const saved = report.criteria;
  const draft = edits.edited ?? saved;
  const setDraft = edits.change;
  const dirty = edits.dirty;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const sets = useLoad(() => request('eval.criteria-sets'));
  const { message, modal } = AntApp.useApp();

  const changes = useMemo(() => reconcileAnswers(saved, draft, report.forms).changes, [saved, draft, report.forms]);
  const dropped = changes.filter((c) => c.kind === 'dropped');
  const rescaled = changes.filter((c) => c.kind === 'rescaled');
  const total = weightTotal(draft.criteria);

  // The core's paths start at the channel input: criteria (the set) → criteria (the list) → index → field.
  const errorAt = (path: (string | number)[]) => errors.find((e) => same(e.path, ['criteria', ...path]))?.message;
  const rowError = (i: number) => (path: (string | number)[]) => errorAt(['criteria', i, ...path]);
  const setCriteria = (criteria: Criterion[]) => {
    setDraft({ ...draft, criteria });
    setErrors([]);
  };
  const update = (i: number, patch: Partial<Criterion>) => setCriteria(draft.criteria.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: number) => {
    const list = [...draft.criteria];
    const [c] = list.splice(i, 1);
    list.splice(i + by, 0, c!);
    setCriteria(list);
  };
  const add = () => setCriteria([...draft.criteria, { id: newSectionId().replace('s-', 'c-'), group: draft.criteria.at(-1)?.group ?? '', title: '', description: '', weight: 0, scale: { kind: 'score', max: 10 } }]);

  // The core checks the set first; only a valid set that would drop answers comes back as CONFLICT, and
  // only then is the user asked (the list is the core's own rule, run here on the same data).
  const save = async () => {
    setSaving(true);
    const send = (dropAnswers: boolean) => request('eval.set-criteria', { drillId: report.drill.id, criteria: draft, dropAnswers });
    try {
      let r: EvaluationReport;
      try {
        r = await send(false);
      } catch (e) {
        if (!(e instanceof ApiError && e.error.code === 'CONFLICT' && dropped.length > 0)) throw e;
        if (!(await confirmDrop(modal, dropped))) return;
        r = await send(true);
      }
      edits.discard();
      setErrors([]);
      onSaved(r);
      message.success({ key: 'criteria-save', content: '评估标准已保存，综合得分已按新标准重新计算' });
    } catch (e) {
      setErrors(fieldErrors(e));
      message.error({ key: 'criteria-save', content: <span style={{ whiteSpace: 'pre-line' }}>{fieldErrors(e).length ? '评估标准有误，请按标红处修改' : errorText(e)}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };

  const weightOk = Math.abs(total - 100) <= WEIGHT_TOLERANCE;
  return (
    <div data-testid="criteria-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>评估标准名称</span>
        <Input style={{ width: 320 }} value={draft.title} maxLength={120} onChange={(e) => setDraft({ ...draft, title: e.target.value })} status={errorAt(['title']) ? 'error' : undefined} />
        <Select
          style={{ width: 260 }}
          placeholder="改用软件自带的其他评估标准…"
          value={null}
          onChange={(id) => {
            const set = sets.data?.find((s) => s.id === id);
            if (!set) return;
            setDraft(structuredClone(set));
            setErrors([]);
          }}
          options={(sets.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
          data-testid="criteria-set-choice"
        />
        <Tag color={weightOk ? 'green' : 'red'} data-testid="weight-total">
          权重合计 {total}{weightOk ? '' : '（须为 100）'}
        </Tag>
      </Space>
      <Problem text={errorAt(['title']) ?? errorAt(['criteria'])} />
      {dropped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          data-testid="criteria-drops"
          message={`保存后将丢弃 ${dropped.length} 条已填写的评分`}
          description={<ChangeList changes={dropped} />}
        />
      )}
      {rescaled.length > 0 && (
        <Alert type="info" showIcon style={{ margin: '8px 0' }} message="满分改变的评估项，已填写的分数将按比例换算" description={<ChangeList changes={rescaled} />} />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={draft.criteria}
        data-testid="criteria-table"
        columns={[
          {
            title: '序号',
            width: 90,
            render: (_, _c, i) => (
              <Space size={0}>
                <span style={{ width: 24, display: 'inline-block' }}>{i + 1}</span>
                <Button size="small" type="text" disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移">↑</Button>
                <Button size="small" type="text" disabled={i === draft.criteria.length - 1} onClick={() => move(i, 1)} aria-label="下移">↓</Button>
              </Space>
            ),
          },
          { title: '分组', width: 140, render: (_, c, i) => <Input size="small" value={c.group} maxLength={40} onChange={(e) => update(i, { group: e.target.value })} data-testid="criterion-group" /> },
          {
            title: '评估项与说明',
            render: (_, c, i) => (
              <div>
                <Input size="small" value={c.title} maxLength={120} placeholder="评估项" onChange={(e) => update(i, { title: e.target.value })} status={rowError(i)(['title']) ? 'error' : undefined} data-testid="criterion-title" />
                <Problem text={rowError(i)(['title']) ?? rowError(i)(['id'])} />
                <Input.TextArea size="small" style={{ marginTop: 4 }} autoSize={{ minRows: 1, maxRows: 4 }} value={c.description} maxLength={1000} placeholder="说明：评估时看什么" onChange={(e) => update(i, { description: e.target.value })} />
              </div>
            ),
          },
          {
            title: '权重',
            width: 90,
            render: (_, c, i) => (
              <div>
                <InputNumber size="small" style={{ width: 70 }} value={c.weight} onChange={(v) => update(i, { weight: v as number })} status={rowError(i)(['weight']) ? 'error' : undefined} data-testid="criterion-weight" />
                <Problem text={rowError(i)(['weight'])} />
              </div>
            ),
          },
          { title: '评分方式', width: 250, render: (_, c, i) => <ScaleEditor scale={c.scale} onChange={(scale) => update(i, { scale })} errorAt={rowError(i)} /> },
          { title: '', width: 60, render: (_, _c, i) => <Button size="small" type="link" danger onClick={() => setCriteria(draft.criteria.filter((_, k) => k !== i))} data-testid="criterion-remove">删除</Button> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={add} data-testid="criterion-add">添加评估项</Button>
        <Button disabled={!dirty} onClick={() => { edits.discard(); setErrors([]); }}>放弃修改</Button>
        <Button type="primary" disabled={!dirty} loading={saving} onClick={save} data-testid="criteria-save">保存评估标准</Button>
        {report.forms.length > 0 && <Typography.Text type="secondary">已有 {report.forms.length} 份评估表：评分按评估项保留，删除或改变评分方式的评估项会先提示。</Typography.Text>}
      </Space>
    </div>
  );
}
