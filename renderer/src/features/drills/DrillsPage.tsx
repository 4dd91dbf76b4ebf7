// 演练计划: the year's programme as a list, a month calendar (drag to reschedule) and a year overview.
import { App as AntApp, Badge, Button, Calendar, Card, Col, InputNumber, Row, Segmented, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Drill } from '@shared/schemas/drill';
import { DRILL_FORMS, DRILL_SCOPES, DRILL_STATUSES } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { pickFile } from '../../api/files';
import { useExportCommand } from '../../components/export-command';
import { exportAndReport } from '../../components/export-file';
import { PageHeader } from '../../components/PageHeader';
import { useBusy } from '../../components/use-busy';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { ComplianceCard } from './ComplianceCard';
import { DrillForm } from './DrillForm';

const statusColors: Record<Drill['status'], string> = { planned: 'default', preparing: 'blue', conducted: 'green', evaluated: 'purple', archived: 'default' };

export function DrillsPage() {
  const [year, setYear] = useState(dayjs().year());
  const [view, setView] = useState<'list' | 'month' | 'year'>('list');
  const [editing, setEditing] = useState<{ drill?: Drill; date?: string } | null>(null);
  const [month, setMonth] = useState(dayjs());
  const drills = useLoad(() => request('drill.list', { year }), [year]);
  const compliance = useLoad(() => request('compliance.get', {}));
  const { message } = AntApp.useApp();
  const list = drills.data ?? [];

  const move = async (id: string, date: string) => {
    try {
      await request('drill.move', { id, date });
      message.success(`已改期到 ${date}`);
      drills.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const exportProgramme = () => exportAndReport(message, () => request('drill.export-programme-docx', { year }));
  useExportCommand(() => void exportProgramme());
  // A double click on 导入数据包 must import the package once.
  const [busy, once] = useBusy();
  const importPackage = () => once('import', async () => {
    try {
      const file = await pickFile('导入演练数据包', '演练数据包', ['json']);
      if (!file) return;
      const r = await request('drill.import-package', { content: new TextDecoder('utf-8').decode(file.bytes) });
      message.success(`已导入“${r.drill.name}”（${r.events} 条记录${r.droppedPlanLinks ? `；${r.droppedPlanLinks} 个本机没有的预案关联未导入` : ''}）`);
      navigate('drills', r.drill.id);
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    }
  });

  const columns: ColumnsType<Drill> = [
    { title: '名称', dataIndex: 'name', render: (v: string, d) => <a onClick={() => navigate('drills', d.id)}>{v}</a>, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: '形式', dataIndex: 'form', width: 130, render: (v: Drill['form']) => DRILL_FORMS[v] },
    { title: '范围', dataIndex: 'scope', width: 70, render: (v: Drill['scope']) => DRILL_SCOPES[v] },
    { title: '日期', dataIndex: 'date', width: 110, sorter: (a, b) => a.date.localeCompare(b.date), defaultSortOrder: 'ascend' },
    { title: '地点', dataIndex: 'place', width: 160 },
    { title: '检验预案', width: 90, render: (_, d) => d.planLinks.length },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: Drill['status']) => <Tag color={statusColors[s]}>{DRILL_STATUSES[s]}</Tag> },
    {
      title: '操作',
      width: 170,
      render: (_, d) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setEditing({ drill: d })}>编辑</Button>
          <Button size="small" type="link" onClick={() => navigate('scripts', d.id)}>脚本</Button>
          <Button size="small" type="link" onClick={() => navigate('scripts', d.id, 'run')}>实施</Button>
        </Space>
      ),
    },
  ];

  const onDate = (date: Dayjs) => list.filter((d) => d.date === date.format('YYYY-MM-DD'));
  const cell = (date: Dayjs) => (
    <div
      style={{ minHeight: 60 }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const id = e.dataTransfer.getData('text/drill-id');
        if (id) void move(id, date.format('YYYY-MM-DD'));
      }}
      data-date={date.format('YYYY-MM-DD')}
    >
      {onDate(date).map((d) => (
        <div
          key={d.id}
          draggable
          onDragStart={(e) => e.dataTransfer.setData('text/drill-id', d.id)}
          onClick={(e) => {
            e.stopPropagation();
            navigate('drills', d.id);
          }}
          data-testid={`cal-drill-${d.id}`}
          style={{ cursor: 'grab' }}
        >
          <Badge status={d.scope === 'comprehensive' ? 'error' : 'processing'} text={d.name} />
        </div>
      ))}
    </div>
  );

  return (
    <div>
      <PageHeader
        title="演练计划"
        sub="年度应急演练计划与频次要求"
        extra={
          <>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 120 }} />
            <Segmented value={view} onChange={(v) => setView(v as typeof view)} options={[{ value: 'list', label: '列表' }, { value: 'month', label: '月历' }, { value: 'year', label: '年历' }]} data-testid="drill-view" />
            <Button onClick={exportProgramme} data-testid="export-programme">导出年度计划</Button>
            <Button onClick={importPackage} loading={busy === 'import'} data-testid="import-package">导入数据包</Button>
            <Button type="primary" onClick={() => setEditing({})} data-testid="new-drill">新建演练</Button>
          </>
        }
      />
      {compliance.data && <ComplianceCard findings={compliance.data.findings} onPlan={() => setEditing({})} />}
      {view === 'list' && (
        <Table rowKey="id" columns={columns} dataSource={list} pagination={false} locale={{ emptyText: `${year}年尚未安排演练。点击“新建演练”编排年度计划。` }} data-testid="drill-table" />
      )}
      {view === 'month' && (
        <Card size="small" data-testid="drill-calendar">
          <Calendar value={month} onPanelChange={(d) => { setMonth(d); if (d.year() !== year) setYear(d.year()); }} onSelect={(d, info) => { setMonth(d); if (info.source === 'date' && onDate(d).length === 0) setEditing({ date: d.format('YYYY-MM-DD') }); }} cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)} fullCellRender={undefined} />
        </Card>
      )}
      {view === 'year' && (
        <Row gutter={[12, 12]} data-testid="drill-year">
          {Array.from({ length: 12 }, (_, m) => {
            const inMonth = list.filter((d) => Number(d.date.slice(5, 7)) === m + 1);
            return (
              <Col span={6} key={m}>
                <Card size="small" title={`${m + 1}月`} extra={<Tag>{inMonth.length}</Tag>} hoverable onClick={() => { setMonth(dayjs(`${year}-${String(m + 1).padStart(2, '0')}-01`)); setView('month'); }}>
                  {inMonth.length === 0 ? <span style={{ color: '#bfbfbf' }}>无</span> : inMonth.map((d) => <div key={d.id}><Badge status={d.scope === 'comprehensive' ? 'error' : 'processing'} text={`${d.date.slice(8)}日 ${d.name}`} /></div>)}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {editing && (
        <DrillForm
          drill={editing.drill}
          initialDate={editing.date}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            message.success('演练已保存');
            drills.reload();
            compliance.reload();
            if (!editing.drill) navigate('drills', d.id);
          }}
        />
      )}
    </div>
  );
}
