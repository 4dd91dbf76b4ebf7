// One drill: its programme entry, status, the plans and sections it tests, and the way to its script and console.
import { heldText } from '../../components/format';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Spin, Steps, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import type { Drill } from '@shared/schemas/drill';
import { DRILL_FORMS, DRILL_PURPOSES, DRILL_SCOPES, DRILL_STATUSES } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { base64ToBytes, saveFile } from '../../api/files';
import { useExportCommand } from '../../components/export-command';
import { exportAndReport } from '../../components/export-file';
import { PageHeader } from '../../components/PageHeader';
import { sectionTreeData } from '../../components/plan-clauses';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { DrillForm } from './DrillForm';

const FLOW: Drill['status'][] = ['planned', 'preparing', 'conducted', 'evaluated', 'archived'];

function SectionPicker({ drill, planId, onSaved }: { drill: Drill; planId: string; onSaved: () => void }) {
  const plan = useLoad(() => request('plan.get', { id: planId }), [planId]);
  const { message } = AntApp.useApp();
  const link = drill.planLinks.find((l) => l.planId === planId)!;
  if (!plan.data) return <Spin size="small" />;
  const save = async (sectionIds: string[]) => {
    const { id, status: _s, createdAt: _c, updatedAt: _u, ...input } = drill;
    try {
      await request('drill.update', { id, drill: { ...input, planLinks: input.planLinks.map((l) => (l.planId === planId ? { ...l, sectionIds } : l)) } });
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{plan.data.title}</Typography.Text>
      <TreeSelect
        style={{ width: '100%', marginTop: 4 }}
        multiple
        treeCheckable
        showCheckedStrategy={TreeSelect.SHOW_ALL}
        value={link.sectionIds}
        onChange={(v) => void save(v as string[])}
        placeholder="选择本次演练检验的章节（可输入编号或标题查找）"
        // Seventy clauses are too many to scroll: typed text matches the label, "4.1 信息报告", number and title.
        showSearch
        treeNodeFilterProp="title"
        treeData={sectionTreeData(plan.data)}
        treeDefaultExpandAll
      />
    </div>
  );
}

export function DrillPage({ id }: { id: string }) {
  const d = useLoad(() => request('drill.get', { id }), [id]);
  const [editing, setEditing] = useState(false);
  const { message } = AntApp.useApp();
  const exportWorkplan = () => exportAndReport(message, () => request('drill.export-workplan-docx', { id }));
  useExportCommand(() => void exportWorkplan());
  if (d.error) return <Alert type="error" showIcon message="无法打开演练" description={d.error} />;
  if (!d.data) return <Spin />;
  const { drill, script } = d.data;
  const setStatus = async (status: Drill['status']) => {
    try {
      await request('drill.set-status', { id, status });
      d.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const at = FLOW.indexOf(drill.status);
  const exportPackage = async () => {
    try {
      const f = await request('drill.export-package', { id });
      const where = await saveFile(f.fileName, '演练数据包', 'json', base64ToBytes(f.dataBase64));
      if (where) message.success(`已导出：${where}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <div>
      <PageHeader
        title={drill.name}
        sub={`${heldText(d.data.held)} · ${drill.place || '地点待定'}`}
        extra={
          <>
            <Button onClick={() => navigate('drills')}>返回演练计划</Button>
            <Button onClick={() => setEditing(true)}>编辑</Button>
            <Button onClick={exportWorkplan} data-testid="export-workplan">导出工作方案</Button>
            <Button onClick={exportPackage} data-testid="export-package">导出数据包</Button>
            <Button onClick={() => navigate('scripts', id)} data-testid="open-script">演练脚本（{script.injects.length} 条注入）</Button>
            <Button type="primary" onClick={() => navigate('scripts', id, 'run')} data-testid="open-console">进入实施</Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps size="small" current={at} items={FLOW.map((s) => ({ title: DRILL_STATUSES[s] }))} />
        <Space style={{ marginTop: 12 }}>
          {at > 0 && <Button size="small" onClick={() => setStatus(FLOW[at - 1]!)}>退回“{DRILL_STATUSES[FLOW[at - 1]!]}”</Button>}
          {at < FLOW.length - 1 && <Button size="small" type="primary" onClick={() => setStatus(FLOW[at + 1]!)} data-testid="drill-next-status">标记为“{DRILL_STATUSES[FLOW[at + 1]!]}”</Button>}
        </Space>
      </Card>
      <Card size="small" title="演练信息" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="形式">{DRILL_FORMS[drill.form]}</Descriptions.Item>
          <Descriptions.Item label="范围">{DRILL_SCOPES[drill.scope]}</Descriptions.Item>
          <Descriptions.Item label="目的">{DRILL_PURPOSES[drill.purpose]}</Descriptions.Item>
          <Descriptions.Item label="灾种">{drill.hazard || '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">{[drill.keyIndustry && '重点行业领域', drill.majorNaturalDisaster && '重大自然灾害'].filter(Boolean).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="组织单位">{drill.organizer || '—'}</Descriptions.Item>
          <Descriptions.Item label="参演单位" span={3}>{drill.participants.length ? drill.participants.map((p) => <Tag key={p}>{p}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label="演练目标" span={3}>{drill.objectives.length ? <ol style={{ margin: 0, paddingLeft: 20 }}>{drill.objectives.map((o, i) => <li key={i}>{o}</li>)}</ol> : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="检验的预案与章节" data-testid="drill-plan-links">
        {drill.planLinks.length === 0 ? <Typography.Text type="secondary">尚未关联预案。请“编辑”演练并选择检验的预案。</Typography.Text> : drill.planLinks.map((l) => <SectionPicker key={l.planId} drill={drill} planId={l.planId} onSaved={d.reload} />)}
      </Card>
      {editing && <DrillForm drill={drill} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); d.reload(); }} />}
    </div>
  );
}
