// 演练脚本: phases, ordered injects (drag to reorder, duplicate, insert, clause links), roster, inline checks, timeline.
import { Alert, App as AntApp, Button, Card, Input, Modal, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Inject, Script, ScriptIssue } from '@shared/schemas/drill';
import { ROSTER_ROLES } from '@shared/vocabulary';
import { injectNumbers, moveInject } from '@shared/script-checks';
import { errorText, request } from '../../api/client';
import { base64ToBytes, bytesToBase64, pickFile, saveFile } from '../../api/files';
import { useExportCommand } from '../../components/export-command';
import { exportAndReport } from '../../components/export-file';
import { heldText } from '../../components/format';
import { MissingTarget } from '../../components/MissingTarget';
import { PageHeader } from '../../components/PageHeader';
import { usePlanClauses } from '../../components/plan-clauses';
import { drillPlanIds } from '../../components/drill-plans';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { ClausePicker } from './ClausePicker';
import { InjectTable } from './InjectTable';
import { ScriptTimeline } from './ScriptTimeline';
import { newId, useScriptDraft, type SaveState } from './use-script-draft';

function blankInject(phaseId: string, after?: Inject): Inject {
  const offset = after?.time.mode === 'relative' ? after.time.offsetSec + 300 : 0;
  return { id: newId(), phaseId, time: { mode: 'relative', offsetSec: offset }, scene: '', info: '', sender: '导演组', receiver: '', method: '电话', expectedAction: '', clauseLinks: [], controller: '', narration: '' };
}

const SAVE_LABELS: Record<SaveState, string> = { saved: '已保存', saving: '正在保存…', dirty: '有未保存的修改', stale: '未保存：已在别处修改' };

const insertAt = (s: Script, index: number, inject: Inject): Script => ({ ...s, injects: [...s.injects.slice(0, index + 1), inject, ...s.injects.slice(index + 1)] });

/** `injectId`: opened from a link (a finding's 相关注入): the 注入 table scrolled to that inject and marked. */
export function ScriptEditorPage({ drillId, injectId }: { drillId: string; injectId?: string }) {
  const { message, modal } = AntApp.useApp();
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const { script, issues, saveState, stale, locked, update, save, reopen } = useScriptDraft(drillId, detail.data);
  // The drill's findings, for the 评估发现 N badge on each inject they cite (none before the drill is evaluated).
  const findings = useLoad(() => request('finding.list', { drillId }), [drillId]);
  const findingsOf = useMemo(() => {
    const m = new Map<string, { id: string; title: string }[]>();
    for (const f of findings.data ?? []) for (const id of f.injectIds) m.set(id, [...(m.get(id) ?? []), { id: f.id, title: f.title }]);
    return m;
  }, [findings.data]);
  const openFinding = useCallback((findingId: string) => navigate('evaluation', drillId, 'finding', findingId), [drillId]);
  const [generating, setGenerating] = useState(false);
  const [picking, setPicking] = useState<string | null>(null);

  // Plans to name clauses from: the drill's, and any an inject already links to (a plan since unlinked from the drill).
  const clauses = usePlanClauses(useMemo(() => (detail.data ? drillPlanIds(detail.data) : []), [detail.data]));
  const drillPlans = useMemo(() => clauses.plans?.filter((p) => detail.data?.drill.planLinks.some((l) => l.planId === p.planId)), [clauses.plans, detail.data]);
  const drillSections = useMemo(() => new Map((detail.data?.drill.planLinks ?? []).map((l) => [l.planId, l.sectionIds])), [detail.data]);

  const numbers = useMemo(() => (script ? injectNumbers(script) : new Map<string, number>()), [script]);
  const issuesOf = useMemo(() => {
    const m = new Map<string, ScriptIssue[]>();
    for (const i of issues) m.set(i.injectId, [...(m.get(i.injectId) ?? []), i]);
    return m;
  }, [issues]);

  const patchInject = useCallback((id: string, patch: Partial<Inject>) => update((s) => ({ ...s, injects: s.injects.map((i) => (i.id === id ? { ...i, ...patch } : i)) })), [update]);
  const duplicate = useCallback((index: number) => update((s) => insertAt(s, index, { ...s.injects[index]!, id: newId() })), [update]);
  const insert = useCallback((index: number) => update((s) => insertAt(s, index, blankInject(s.injects[index]!.phaseId, s.injects[index]))), [update]);
  const [reveal, setReveal] = useState<string | null>(null);
  /** At the end, in the last inject's phase, five minutes after it; shown and ready to type into. */
  const addInject = () => {
    const id = newId();
    update((s) => {
      const last = s.injects[s.injects.length - 1];
      return insertAt(s, s.injects.length - 1, { ...blankInject(last?.phaseId ?? s.phases[0]!.id, last), id });
    });
    setReveal(id);
  };
  const remove = useCallback((id: string) => update((s) => ({ ...s, injects: s.injects.filter((x) => x.id !== id) })), [update]);
  const move = useCallback((id: string, to: number) => update((s) => moveInject(s, id, to)), [update]);
  // 文件 → 导出为 Word: the script, saved first.
  useExportCommand(() => void save().then(() => exportAndReport(message, () => request('drill.export-script-docx', { id: drillId }))));

  if (detail.error) return <Alert type="error" showIcon message="无法打开演练脚本" description={detail.error} />;
  if (!detail.data || !script) return <Spin />;
  const drill = detail.data.drill;
  const pickingInject = picking ? script.injects.find((i) => i.id === picking) : undefined;

  const download = async (build: () => Promise<{ fileName: string; dataBase64: string }>) => {
    await save();
    await exportAndReport(message, build);
  };
  const exportXlsx = async () => {
    try {
      await save();
      const f = await request('script.export-xlsx', { id: drillId });
      const where = await saveFile(f.fileName, 'Excel 工作簿', 'xlsx', base64ToBytes(f.dataBase64));
      if (where) message.success(`已导出：${where}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const importXlsx = async () => {
    try {
      const file = await pickFile('从 Excel 导入注入', 'Excel 工作簿', ['xlsx']);
      if (!file) return;
      const r = await request('script.import-xlsx', { drillId, dataBase64: bytesToBase64(file.bytes) });
      modal.confirm({
        title: `读取到 ${r.script.injects.length} 条注入${r.errors.length ? `，${r.errors.length} 行有错误未导入` : ''}`,
        width: 560,
        content: r.errors.length ? <ul data-testid="xlsx-errors">{r.errors.map((e) => <li key={e.row}>{e.row ? `第 ${e.row} 行：` : ''}{e.message}</li>)}</ul> : '用表格中的注入替换当前脚本的注入？',
        okText: '替换当前注入',
        okButtonProps: { disabled: r.script.injects.length === 0 },
        onOk: () => update(r.script),
      });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const generate = async (planId: string) => {
    setGenerating(false);
    const run = async () => {
      try {
        const s = await request('script.generate', { drillId, planId });
        update(s);
        message.success(`已从预案生成 ${s.injects.length} 条注入`);
      } catch (e) {
        message.error(errorText(e));
      }
    };
    if (script.injects.length) modal.confirm({ title: '用预案生成的脚本替换现有脚本？', okText: '替换', onOk: run });
    else await run();
  };
  const setRoster = (roster: Script['roster']) => update((s) => ({ ...s, roster }));

  return (
    <div>
      {stale && (
        <Alert
          type="error"
          showIcon
          banner
          style={{ marginBottom: 8 }}
          message={stale}
          data-testid="script-stale"
          action={<Button size="small" danger onClick={() => { reopen(); detail.reload(); }}>重新打开脚本</Button>}
        />
      )}
      <PageHeader
        title={`演练脚本：${drill.name}`}
        sub={`${heldText(detail.data.held)} · ${script.injects.length} 条注入 · ${issues.length ? `${issues.length} 处待完善` : '检查通过'}`}
        extra={
          <>
            <Tag color={saveState === 'saved' ? 'green' : saveState === 'stale' ? 'red' : 'gold'} data-testid="script-save-state" data-state={saveState}>{SAVE_LABELS[saveState]}</Tag>
            <Button onClick={() => navigate('drills', drillId)}>演练信息</Button>
            <Button onClick={() => setGenerating(true)} disabled={drill.planLinks.length === 0} data-testid="generate-script">从预案生成</Button>
            <Button onClick={() => download(() => request('drill.export-script-docx', { id: drillId }))} data-testid="export-script-docx">导出 Word</Button>
            <Button onClick={exportXlsx} data-testid="export-xlsx">导出 Excel</Button>
            <Button onClick={importXlsx} data-testid="import-xlsx">从 Excel 导入</Button>
            <Button type="primary" onClick={() => navigate('scripts', drillId, 'run')}>进入实施</Button>
          </>
        }
      />
      {injectId && !script.injects.some((i) => i.id === injectId) && <MissingTarget what="注入" />}
      {locked && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message="演练正在进行，脚本已锁定：演练记录按注入编号记载，结束演练后才能修改脚本。" data-testid="script-locked" />}
      <Tabs
        items={[
          {
            key: 'injects',
            label: '注入',
            children: (
              <div>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Typography.Text>阶段：</Typography.Text>
                  {script.phases.map((p) => (
                    <Input key={p.id} size="small" style={{ width: 110 }} value={p.name} onChange={(e) => update((s) => ({ ...s, phases: s.phases.map((x) => (x.id === p.id ? { ...x, name: e.target.value } : x)) }))} />
                  ))}
                  <Button size="small" onClick={() => update((s) => ({ ...s, phases: [...s.phases, { id: newId(), name: '新阶段' }] }))}>添加阶段</Button>
                  <Button size="small" type="primary" onClick={addInject} data-testid="add-inject">新增注入</Button>
                </Space>
                <InjectTable
                  injects={script.injects}
                  phases={script.phases}
                  numbers={numbers}
                  issuesOf={issuesOf}
                  lookup={clauses.lookup}
                  onPatch={patchInject}
                  onDuplicate={duplicate}
                  onInsert={insert}
                  onRemove={remove}
                  onMove={move}
                  onPickClauses={setPicking}
                  reveal={reveal}
                  focus={injectId}
                  findingsOf={findingsOf}
                  onOpenFinding={openFinding}
                />
              </div>
            ),
          },
          { key: 'timeline', label: '时间线', children: <ScriptTimeline script={script} numbers={numbers} drill={drill} /> },
          {
            key: 'roster',
            label: `人员（${script.roster.length}）`,
            children: (
              <Card size="small" extra={<Button size="small" onClick={() => setRoster([...script.roster, { id: newId(), role: '参演单位', name: '', unit: '', contact: '' }])}>添加人员</Button>}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={script.roster}
                  columns={[
                    { title: '角色', width: 140, render: (_, r) => <Select size="small" style={{ width: 120 }} value={r.role} options={ROSTER_ROLES.map((x) => ({ value: x, label: x }))} onChange={(role) => setRoster(script.roster.map((x) => (x.id === r.id ? { ...x, role } : x)))} /> },
                    ...(['name', 'unit', 'contact'] as const).map((f) => ({ title: { name: '姓名', unit: '单位', contact: '联系方式' }[f], render: (_: unknown, r: Script['roster'][number]) => <Input size="small" value={r[f]} onChange={(e) => setRoster(script.roster.map((x) => (x.id === r.id ? { ...x, [f]: e.target.value } : x)))} /> })),
                    { title: '', width: 60, render: (_, r) => <Button size="small" type="link" danger onClick={() => setRoster(script.roster.filter((x) => x.id !== r.id))}>删除</Button> },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal open={generating} title="从预案生成脚本" footer={null} onCancel={() => setGenerating(false)}>
        <Typography.Paragraph type="secondary">按预案的应急响应章节生成注入：每个响应级别的启动与处置一条，预期行动取自响应措施，并关联相应条款。注入时间在演练的开始与结束时间之间排开（未填结束时间的，每条间隔 10 分钟）。</Typography.Paragraph>
        <Space direction="vertical">
          {drillPlans ? drillPlans.map((p) => <Button key={p.planId} onClick={() => generate(p.planId)} data-testid="generate-from-plan">{p.title}</Button>) : <Spin size="small" />}
        </Space>
      </Modal>
      {pickingInject && (
        <ClausePicker
          inject={pickingInject}
          label={`第 ${numbers.get(pickingInject.id)} 条 ${pickingInject.scene}`}
          plans={drillPlans}
          drillSections={drillSections}
          onClose={() => setPicking(null)}
          onSave={(clauseLinks) => patchInject(pickingInject.id, { clauseLinks })}
        />
      )}
    </div>
  );
}
