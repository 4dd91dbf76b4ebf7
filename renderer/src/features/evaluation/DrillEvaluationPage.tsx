// 演练评估: evaluators' scores combined with their spread, the timeline analysis, findings, and the conclusion.
import { heldText } from '../../components/format';
import { Alert, App as AntApp, Button, Card, Empty, Input, InputNumber, List, Modal, Popover, Select, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { duration, formatOffset } from '@shared/drill-clock';
import { answerProblem } from '@shared/evaluation-answers';
import { isEarlyBy, isLateBy } from '@shared/run-rules';
import { formatScore } from '@shared/score-format';
import { INJECT_TIMING_STATUSES } from '@shared/vocabulary';
import type { EvaluationReport, EvaluatorForm, Finding, ItemInput } from '@shared/schemas/evaluation';
import { errorText, request } from '../../api/client';
import { useExportCommand } from '../../components/export-command';
import { exportAndReport } from '../../components/export-file';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { newSectionId } from '../../editor/ids';
import { navigate } from '../../route';
import { CriteriaEditor } from './CriteriaEditor';
import { drillPlanIds } from '../../components/drill-plans';
import { usePlanClauses } from '../../components/plan-clauses';
import { FindingClauseLinks } from './FindingClauseLinks';
import { FindingEvidenceLinks, useEvidenceLookup } from './FindingEvidenceLinks';
import { FindingForm } from './FindingForm';
import { ItemForm } from './ItemForm';
import { ItemsLedger } from './ItemsLedger';
import { TimelineChart } from './TimelineChart';
import { useCriteriaDraft } from './use-criteria-draft';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const mmss = (ms: number | null) => (ms === null ? '—' : `${ms < 0 ? '-' : ''}${formatOffset(Math.round(Math.abs(ms) / 1000)).replace('T+', '')}`);

/** A score typed as it is; a value outside 0..max is marked at the field with what to type instead. */
function ScoreInput({ max, value, problem, onChange }: { max: number; value: number | null; problem: string | null; onChange: (v: number | null) => void }) {
  return (
    <div>
      <InputNumber size="small" value={value} onChange={(v) => onChange(v)} addonAfter={`/${max}`} status={problem ? 'error' : undefined} data-testid="answer-score" />
      {problem && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="answer-score-problem">{problem}</Typography.Text>}
    </div>
  );
}

function EvaluatorModal({ report, form, onClose, onSaved }: { report: EvaluationReport; form: EvaluatorForm | null; onClose: () => void; onSaved: (r: EvaluationReport) => void }) {
  const [draft, setDraft] = useState<EvaluatorForm>(form ?? { id: newSectionId().replace('s-', 'f-'), evaluator: '', unit: '', answers: report.criteria.criteria.map((c) => ({ criterionId: c.id, value: null, note: '' })) });
  const { message } = AntApp.useApp();
  const answer = (id: string) => draft.answers.find((a) => a.criterionId === id) ?? { criterionId: id, value: null, note: '' };
  const set = (id: string, patch: Partial<EvaluatorForm['answers'][number]>) => setDraft({ ...draft, answers: [...draft.answers.filter((a) => a.criterionId !== id), { ...answer(id), ...patch }] });
  const save = async () => {
    try {
      onSaved(await request('eval.save-form', { drillId: report.drill.id, form: draft }));
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    }
  };
  return (
    <Modal open width={900} title="评估表" onCancel={onClose} onOk={save} okText="保存" destroyOnHidden>
      <Space style={{ marginBottom: 8 }}>
        <Input placeholder="评估人" value={draft.evaluator} onChange={(e) => setDraft({ ...draft, evaluator: e.target.value })} data-testid="evaluator-name" />
        <Input placeholder="单位" value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value })} />
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={report.criteria.criteria}
        columns={[
          { title: '评估项', render: (_, c) => <Popover content={<div style={{ maxWidth: 360 }}>{c.description}</div>}><span>{c.group} · {c.title}</span></Popover> },
          { title: '权重', dataIndex: 'weight', width: 60 },
          {
            title: '评分',
            width: 170,
            render: (_, c) =>
              c.scale.kind === 'score' ? (
                // No min/max on the input: antd would clamp 12 to 10 on blur, silently. The slip is shown here and the core refuses it.
                <ScoreInput max={c.scale.max} value={answer(c.id).value as number | null} problem={answerProblem(c, answer(c.id).value)} onChange={(v) => set(c.id, { value: v })} />
              ) : (
                <Select size="small" style={{ width: 130 }} allowClear value={answer(c.id).value as string | null} onChange={(v) => set(c.id, { value: v ?? null })} options={c.scale.levels.map((l) => ({ value: l.label, label: l.label }))} data-testid="answer-level" />
              ),
          },
          { title: '说明', width: 220, render: (_, c) => <Input size="small" value={answer(c.id).note} onChange={(e) => set(c.id, { note: e.target.value })} /> },
        ]}
      />
    </Modal>
  );
}

/** `findingId`: opened from an item or a link to that finding: the 发现 tab, the finding scrolled to and marked. */
export function DrillEvaluationPage({ drillId, findingId }: { drillId: string; findingId?: string }) {
  const loaded = useLoad(() => request('eval.get', { drillId }), [drillId]);
  const [tab, setTab] = useState(findingId ? 'findings' : 'scores');
  const [report, setReport] = useState<EvaluationReport | null>(null);
  const [formOf, setFormOf] = useState<EvaluatorForm | null | undefined>(undefined);
  const [findingOf, setFindingOf] = useState<Finding | null | undefined>(undefined);
  const [itemPreset, setItemPreset] = useState<Partial<ItemInput> | null>(null);
  const [conclusion, setConclusion] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  useExportCommand(() => void exportAndReport(message, () => request('eval.export-report', { drillId, kind: '评估报告' })));
  const r = report ?? loaded.data;
  const criteriaEdits = useCriteriaDraft(r?.criteria);
  const { lookup } = usePlanClauses((r?.findings ?? []).flatMap((f) => f.clauses.map((c) => c.planId)));
  const evidence = useEvidenceLookup(r);
  const loadedReport = r !== undefined && r !== null;
  useEffect(() => {
    if (!findingId) return;
    setTab('findings');
    if (loadedReport) document.querySelector(`[data-finding-id="${CSS.escape(findingId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [findingId, loadedReport]);
  // A failed reload in the background leaves the page (and its unsaved criteria) as it was.
  if (!r) return loaded.error ? <Alert type="error" showIcon message="无法打开评估" description={loaded.error} /> : <Spin />;
  const t = r.timeline;
  const s = r.scores;
  const critTitle = new Map(r.criteria.criteria.map((c) => [c.id, c]));
  const reload = () => request('eval.get', { drillId }).then(setReport);

  return (
    <div>
      <PageHeader
        title={`演练评估：${r.drill.name}`}
        sub={`${heldText(r.held)} · 评估标准：${r.criteria.title}`}
        extra={
          <>
            <Button onClick={() => navigate('evaluation')}>返回</Button>
            <Button onClick={() => navigate('scripts', drillId, 'run')}>演练记录</Button>
            {(['评估报告', '总结报告'] as const).map((kind) => (
              <Button key={kind} onClick={() => exportAndReport(message, () => request('eval.export-report', { drillId, kind }))} data-testid={`export-${kind}`}>
                导出{kind}
              </Button>
            ))}
          </>
        }
      />
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title="综合得分" value={formatScore(s.total)} suffix={s.total !== null ? '分' : ''} data-testid="eval-total" />
        <Statistic title="评估结论" value={s.grade ?? '未评分'} />
        <Statistic title="评估人" value={s.evaluators} />
        <Statistic title="注入下达" value={`${t.delivered}/${t.injects.length}`} />
        {/* Over the late injects only, in words as the report says it: early ones are counted as 提前, not averaged in as negative delays. */}
        <Statistic title="平均延迟（延迟的注入）" value={duration(t.meanDelayMs)} data-testid="eval-mean-delay" />
        <Statistic title="平均响应" value={duration(t.meanResponseMs)} />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'scores',
            label: '评分',
            children: (
              <div>
                {criteriaEdits.dirty && <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="criteria-unsaved-note" message="“评估标准”中有未保存的修改：评分和评估表仍按已保存的评估标准，保存后按新标准重新计算。" />}
                <Space style={{ marginBottom: 8 }}>
                  <Button type="primary" onClick={() => setFormOf(null)} data-testid="add-evaluator">添加评估表</Button>
                  {r.forms.map((f) => (
                    <Tag key={f.id} closable onClose={(e) => { e.preventDefault(); void request('eval.delete-form', { drillId, formId: f.id }).then(setReport); }} onClick={() => setFormOf(f)} style={{ cursor: 'pointer' }}>
                      {f.evaluator}
                    </Tag>
                  ))}
                </Space>
                <Table
                  size="small"
                  rowKey="criterionId"
                  pagination={false}
                  dataSource={s.criteria}
                  data-testid="score-table"
                  columns={[
                    { title: '分组', render: (_, c) => critTitle.get(c.criterionId)?.group },
                    { title: '评估项', render: (_, c) => critTitle.get(c.criterionId)?.title },
                    { title: '权重', width: 60, render: (_, c) => critTitle.get(c.criterionId)?.weight },
                    { title: '平均得分率', width: 100, render: (_, c) => pct(c.mean) },
                    { title: '评估人分歧', width: 100, render: (_, c) => (c.spread === null ? '—' : <Tag color={c.spread >= 0.3 ? 'red' : c.spread > 0 ? 'orange' : 'green'}>{pct(c.spread)}</Tag>) },
                    { title: '得分', width: 70, render: (_, c) => formatScore(c.points) },
                    { title: '评分人数', width: 80, dataIndex: 'answered' },
                  ]}
                />
              </div>
            ),
          },
          {
            key: 'criteria',
            label: criteriaEdits.dirty ? <span>评估标准 <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="criteria-unsaved">未保存</Tag></span> : '评估标准',
            children: <CriteriaEditor report={r} edits={criteriaEdits} onSaved={setReport} />,
          },
          {
            key: 'timeline',
            label: '时间线分析',
            children: t.injects.length === 0 && t.adhoc.length === 0 ? (
              <Empty description="没有演练记录。演练实施时在“演练实施”页面下达注入、记录过程。" />
            ) : (
              <div>
                <TimelineChart t={t} />
                <Table
                  size="small"
                  rowKey="injectId"
                  pagination={false}
                  dataSource={t.injects}
                  data-testid="timing-table"
                  columns={[
                    { title: '序号', dataIndex: 'seq', width: 60 },
                    { title: '场景', dataIndex: 'scene' },
                    { title: '计划', width: 90, render: (_, i) => mmss(i.plannedMs) },
                    { title: '实际', width: 90, render: (_, i) => mmss(i.actualMs) },
                    { title: '延迟', width: 90, render: (_, i) => (i.delayMs === null ? '—' : <Tag color={isLateBy(i.delayMs) ? 'red' : isEarlyBy(i.delayMs) ? 'orange' : 'green'} data-testid="timing-delay">{duration(i.delayMs, true)}</Tag>) },
                    { title: '响应用时', width: 100, render: (_, i) => mmss(i.responseMs) },
                    { title: '状态', width: 80, render: (_, i) => INJECT_TIMING_STATUSES[i.status] },
                  ]}
                />
                {t.adhoc.length > 0 && <Card size="small" title="临时注入" style={{ marginTop: 8 }}>{t.adhoc.map((a, k) => <div key={k}>{mmss(a.drillMs)} {a.text}</div>)}</Card>}
              </div>
            ),
          },
          {
            key: 'findings',
            label: `发现（${r.findings.length}）`,
            children: (
              <div>
                <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setFindingOf(null)} data-testid="add-finding">新增发现</Button>
                <List
                  dataSource={r.findings}
                  locale={{ emptyText: '尚无评估发现。记录亮点和问题，并把问题转为整改事项。' }}
                  renderItem={(f) => (
                    <List.Item
                      data-testid="finding-item"
                      data-finding-id={f.id}
                      data-focused={f.id === findingId ? 'true' : undefined}
                      className={f.id === findingId ? 'finding-focused' : undefined}
                      actions={[
                        <Button key="e" size="small" type="link" onClick={() => setFindingOf(f)}>编辑</Button>,
                        f.kind === 'problem' && (
                          <Button key="i" size="small" type="link" onClick={() => setItemPreset({ findingId: f.id, drillId, description: f.title, unit: f.unit, needsPlanChange: f.clauses.length > 0, clauses: f.clauses })} data-testid="raise-item">
                            提出整改
                          </Button>
                        ),
                      ].filter(Boolean)}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            <Tag color={f.kind === 'strength' ? 'green' : 'red'}>{f.kind === 'strength' ? '亮点' : '问题'}</Tag>
                            {f.title}
                            {f.recurring && (
                              <Popover title="以往演练中的同类问题" content={<List size="small" dataSource={f.recurring} renderItem={(x) => <List.Item>{x.date} {x.drillName}：{x.title}</List.Item>} />}>
                                <Tag color="volcano" data-testid="recurring">反复出现（{f.recurring.length + 1}次）</Tag>
                              </Popover>
                            )}
                          </Space>
                        }
                        description={
                          <div>
                            {f.detail && <div>{f.detail}</div>}
                            <FindingEvidenceLinks drillId={drillId} finding={f} lookup={evidence} />
                            <FindingClauseLinks clauses={f.clauses} lookup={lookup} />
                          </div>
                        }
                      />
                    </List.Item>
                  )}
                />
                <Typography.Title level={5} style={{ marginTop: 16 }}>本次演练的整改事项</Typography.Title>
                <ItemsLedger drillId={drillId} />
              </div>
            ),
          },
          {
            key: 'conclusion',
            label: '评估结论',
            children: (
              <div>
                <Input.TextArea rows={8} value={conclusion ?? r.conclusion} onChange={(e) => setConclusion(e.target.value)} placeholder="演练基本情况、目标达成、主要问题、改进建议与评估结论" />
                <Button style={{ marginTop: 8 }} type="primary" onClick={async () => { setReport(await request('eval.set-conclusion', { drillId, text: conclusion ?? r.conclusion })); message.success('已保存'); }}>保存结论</Button>
              </div>
            ),
          },
        ]}
      />
      {formOf !== undefined && <EvaluatorModal report={r} form={formOf} onClose={() => setFormOf(undefined)} onSaved={(x) => { setReport(x); setFormOf(undefined); }} />}
      {findingOf !== undefined && <FindingForm report={r} finding={findingOf ?? undefined} onClose={() => setFindingOf(undefined)} onSaved={() => { setFindingOf(undefined); void reload(); }} />}
      {itemPreset && <ItemForm preset={itemPreset} planIds={drillPlanIds(r)} heldOn={r.held.date} onClose={() => setItemPreset(null)} onSaved={() => { setItemPreset(null); message.success('已提出整改事项'); void reload(); }} />}
    </div>
  );
}
