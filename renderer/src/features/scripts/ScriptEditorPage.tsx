// 演练脚本: phases, ordered injects (drag to reorder, duplicate, insert), roster, inline checks, timeline.
import { Alert, App as AntApp, Button, Card, Input, Modal, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatOffset, parseOffset } from '@shared/drill-clock';
import { INJECT_METHODS, ROSTER_ROLES, type Inject, type Script, type ScriptIssue } from '@shared/schemas/drill';
import { injectNumbers, moveInject } from '@shared/script-checks';
import { errorText, request } from '../../api/client';
import { base64ToBytes, bytesToBase64, pickFile, saveFile } from '../../api/files';
import { exportAndReport } from '../../components/export-file';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { newSectionId } from '../../editor/ids';
import { navigate } from '../../route';
import { ScriptTimeline } from './ScriptTimeline';

const newId = () => newSectionId().replace(/^s-/, 'i-');
const DEFAULT_PHASES = ['预警', '响应启动', '处置', '扩大响应', '响应结束'];

function blankInject(phaseId: string, after?: Inject): Inject {
  const offset = after?.time.mode === 'relative' ? after.time.offsetSec + 300 : 0;
  return { id: newId(), phaseId, time: { mode: 'relative', offsetSec: offset }, scene: '', info: '', sender: '导演组', receiver: '', method: '电话', expectedAction: '', clauseLinks: [], controller: '', narration: '' };
}

function TimeCell({ inject, onChange }: { inject: Inject; onChange: (t: Inject['time']) => void }) {
  const shown = inject.time.mode === 'relative' ? formatOffset(inject.time.offsetSec) : inject.time.clock;
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const v = draft.trim();
    if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(v) && inject.time.mode === 'clock') return onChange({ mode: 'clock', clock: v.padStart(5, '0') });
    const sec = parseOffset(v);
    if (sec !== null) onChange({ mode: 'relative', offsetSec: sec });
    else setDraft(shown);
  };
  return (
    <Space.Compact size="small">
      <Select size="small" value={inject.time.mode} style={{ width: 62 }} onChange={(m) => onChange(m === 'relative' ? { mode: 'relative', offsetSec: 0 } : { mode: 'clock', clock: '09:00' })} options={[{ value: 'relative', label: 'T+' }, { value: 'clock', label: '时刻' }]} />
      <Input size="small" style={{ width: 82 }} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onPressEnter={commit} data-testid="inject-time" />
    </Space.Compact>
  );
}

export function ScriptEditorPage({ drillId }: { drillId: string }) {
  const { message, modal } = AntApp.useApp();
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const run = useLoad(() => request('run.state', { drillId }), [drillId]);
  const locked = run.data?.clock.status === 'running' || run.data?.clock.status === 'paused';
  const [script, setScript] = useState<Script | null>(null);
  const [issues, setIssues] = useState<ScriptIssue[]>([]);
  const [saveState, setSaveState] = useState<'saved' | 'dirty' | 'saving'>('saved');
  const [dragging, setDragging] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const timer = useRef<number | null>(null);
  const lockedRef = useRef(false);
  const latest = useRef<Script | null>(null);

  useEffect(() => {
    if (detail.data && !script) {
      const s = detail.data.script;
      setScript(s.phases.length ? s : { ...s, phases: DEFAULT_PHASES.map((name) => ({ id: newId(), name })) });
      setIssues(detail.data.issues);
    }
  }, [detail.data, script]);

  const save = useCallback(async () => {
    timer.current = null;
    if (!latest.current) return;
    setSaveState('saving');
    try {
      const r = await request('script.save', { drillId, script: latest.current });
      setIssues(r.issues);
      setSaveState('saved');
    } catch (e) {
      setSaveState('dirty');
      message.error(errorText(e));
    }
  }, [drillId, message]);

  const update = useCallback(
    (next: Script) => {
      if (lockedRef.current) {
        message.warning('演练正在进行，脚本已锁定；结束演练后才能修改。');
        return;
      }
      latest.current = next;
      setScript(next);
      setSaveState('dirty');
      if (timer.current === null) timer.current = window.setTimeout(() => void save(), 800);
    },
    [save, message],
  );
  useEffect(() => () => void (timer.current !== null && save()), [save]);

  lockedRef.current = locked;
  const numbers = useMemo(() => (script ? injectNumbers(script) : new Map<string, number>()), [script]);
  const issuesOf = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const i of issues) m.set(i.injectId, [...(m.get(i.injectId) ?? []), i.message]);
    return m;
  }, [issues]);

  if (detail.error) return <Alert type="error" showIcon message="无法打开演练脚本" description={detail.error} />;
  if (!detail.data || !script) return <Spin />;
  const drill = detail.data.drill;
  const setInject = (id: string, patch: Partial<Inject>) => update({ ...script, injects: script.injects.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
  const insertAfter = (index: number, inject: Inject) => update({ ...script, injects: [...script.injects.slice(0, index + 1), inject, ...script.injects.slice(index + 1)] });

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

  const text = (inject: Inject, field: 'scene' | 'info' | 'sender' | 'receiver' | 'expectedAction' | 'controller' | 'narration', rows = 1) =>
    rows > 1 ? (
      <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 4 }} value={inject[field]} onChange={(e) => setInject(inject.id, { [field]: e.target.value })} data-testid={`inject-${field}`} />
    ) : (
      <Input size="small" value={inject[field]} onChange={(e) => setInject(inject.id, { [field]: e.target.value })} data-testid={`inject-${field}`} />
    );

  return (
    <div>
      <PageHeader
        title={`演练脚本：${drill.name}`}
        sub={`${drill.date} ${drill.startTime} · ${script.injects.length} 条注入 · ${issues.length ? `${issues.length} 处待完善` : '检查通过'}`}
        extra={
          <>
            <Tag color={saveState === 'saved' ? 'green' : 'gold'} data-testid="script-save-state" data-state={saveState}>{saveState === 'saved' ? '已保存' : saveState === 'saving' ? '正在保存…' : '有未保存的修改'}</Tag>
            <Button onClick={() => navigate('drills', drillId)}>演练信息</Button>
            <Button onClick={() => setGenerating(true)} disabled={drill.planLinks.length === 0} data-testid="generate-script">从预案生成</Button>
            <Button onClick={() => download(() => request('drill.export-script-docx', { id: drillId }))} data-testid="export-script-docx">导出 Word</Button>
            <Button onClick={exportXlsx} data-testid="export-xlsx">导出 Excel</Button>
            <Button onClick={importXlsx} data-testid="import-xlsx">从 Excel 导入</Button>
            <Button type="primary" onClick={() => navigate('scripts', drillId, 'run')}>进入实施</Button>
          </>
        }
      />
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
                    <Input key={p.id} size="small" style={{ width: 110 }} value={p.name} onChange={(e) => update({ ...script, phases: script.phases.map((x) => (x.id === p.id ? { ...x, name: e.target.value } : x)) })} />
                  ))}
                  <Button size="small" onClick={() => update({ ...script, phases: [...script.phases, { id: newId(), name: '新阶段' }] })}>添加阶段</Button>
                  <Button size="small" type="primary" onClick={() => insertAfter(script.injects.length - 1, blankInject(script.phases[0]!.id, script.injects[script.injects.length - 1]))} data-testid="add-inject">新增注入</Button>
                </Space>
                <Table<Inject>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={script.injects}
                  // Only the rows on screen are rendered: a 300-inject script opens as fast as a short one.
                  virtual
                  scroll={{ x: 1900, y: Math.max(320, window.innerHeight - 330) }}
                  rowClassName={(i) => (issuesOf.has(i.id) ? 'row-issue' : '')}
                  locale={{ emptyText: '还没有注入。点击“新增注入”，或“从预案生成”初稿。' }}
                  onRow={(i) => ({
                    draggable: true,
                    onDragStart: (e) => {
                      setDragging(i.id);
                      e.dataTransfer.effectAllowed = 'move';
                    },
                    onDragOver: (e) => e.preventDefault(),
                    onDrop: (e) => {
                      e.preventDefault();
                      if (dragging && dragging !== i.id) update(moveInject(script, dragging, script.injects.findIndex((x) => x.id === i.id)));
                      setDragging(null);
                    },
                    'data-testid': 'inject-row',
                  } as React.HTMLAttributes<HTMLElement>)}
                  columns={[
                    { title: '序号', width: 56, fixed: 'left', render: (_, i) => <Tooltip title={issuesOf.get(i.id)?.join('；')}><span style={{ cursor: 'grab' }}>⋮⋮ {numbers.get(i.id)}{issuesOf.has(i.id) && <Tag color="red" style={{ marginLeft: 2 }}>!</Tag>}</span></Tooltip> },
                    { title: '阶段', width: 110, render: (_, i) => <Select size="small" style={{ width: 100 }} value={i.phaseId} onChange={(phaseId) => setInject(i.id, { phaseId })} options={script.phases.map((p) => ({ value: p.id, label: p.name }))} /> },
                    { title: '时间', width: 160, render: (_, i) => <TimeCell inject={i} onChange={(time) => setInject(i.id, { time })} /> },
                    { title: '场景', width: 140, render: (_, i) => text(i, 'scene') },
                    { title: '情景信息', width: 260, render: (_, i) => text(i, 'info', 3) },
                    { title: '发送方', width: 110, render: (_, i) => text(i, 'sender') },
                    { title: '接收方', width: 130, render: (_, i) => text(i, 'receiver') },
                    { title: '方式', width: 90, render: (_, i) => <Select size="small" style={{ width: 80 }} value={i.method} onChange={(method) => setInject(i.id, { method })} options={INJECT_METHODS.map((m) => ({ value: m, label: m }))} /> },
                    { title: '预期行动', width: 260, render: (_, i) => text(i, 'expectedAction', 3) },
                    { title: '关联条款', width: 90, render: (_, i) => <Tag>{i.clauseLinks.length}</Tag> },
                    { title: '责任控制员', width: 110, render: (_, i) => text(i, 'controller') },
                    { title: '解说词', width: 220, render: (_, i) => text(i, 'narration', 3) },
                    {
                      title: '操作',
                      width: 150,
                      fixed: 'right',
                      render: (_, i, index) => (
                        <Space size={0}>
                          <Button size="small" type="link" onClick={() => insertAfter(index, { ...i, id: newId() })}>复制</Button>
                          <Button size="small" type="link" onClick={() => insertAfter(index, blankInject(i.phaseId, i))}>插入</Button>
                          <Button size="small" type="link" danger onClick={() => update({ ...script, injects: script.injects.filter((x) => x.id !== i.id) })}>删除</Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </div>
            ),
          },
          { key: 'timeline', label: '时间线', children: <ScriptTimeline script={script} numbers={numbers} /> },
          {
            key: 'roster',
            label: `人员（${script.roster.length}）`,
            children: (
              <Card size="small" extra={<Button size="small" onClick={() => update({ ...script, roster: [...script.roster, { id: newId(), role: '参演单位', name: '', unit: '', contact: '' }] })}>添加人员</Button>}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={script.roster}
                  columns={[
                    { title: '角色', width: 140, render: (_, r) => <Select size="small" style={{ width: 120 }} value={r.role} options={ROSTER_ROLES.map((x) => ({ value: x, label: x }))} onChange={(role) => update({ ...script, roster: script.roster.map((x) => (x.id === r.id ? { ...x, role } : x)) })} /> },
                    ...(['name', 'unit', 'contact'] as const).map((f) => ({ title: { name: '姓名', unit: '单位', contact: '联系方式' }[f], render: (_: unknown, r: Script['roster'][number]) => <Input size="small" value={r[f]} onChange={(e) => update({ ...script, roster: script.roster.map((x) => (x.id === r.id ? { ...x, [f]: e.target.value } : x)) })} /> })),
                    { title: '', width: 60, render: (_, r) => <Button size="small" type="link" danger onClick={() => update({ ...script, roster: script.roster.filter((x) => x.id !== r.id) })}>删除</Button> },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal open={generating} title="从预案生成脚本" footer={null} onCancel={() => setGenerating(false)}>
        <Typography.Paragraph type="secondary">按预案的应急响应章节生成注入：每个响应级别的启动与处置一条，预期行动取自响应措施，并关联相应条款。</Typography.Paragraph>
        <Space direction="vertical">
          {drill.planLinks.map((l) => <PlanButton key={l.planId} planId={l.planId} onPick={generate} />)}
        </Space>
      </Modal>
    </div>
  );
}

function PlanButton({ planId, onPick }: { planId: string; onPick: (id: string) => void }) {
  const plan = useLoad(() => request('plan.get', { id: planId }), [planId]);
  return <Button onClick={() => onPick(planId)} data-testid="generate-from-plan">{plan.data?.title ?? '…'}</Button>;
}
