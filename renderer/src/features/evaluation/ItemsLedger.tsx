// 整改台账: every improvement item, filterable by unit, drill and status; overdue ones stand out.
import { App as AntApp, Button, DatePicker, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ImprovementItem, ItemStatus } from '@shared/schemas/evaluation';
import { ITEM_STATUSES } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { useExportCommand } from '../../components/export-command';
import { exportAndReport } from '../../components/export-file';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { ItemForm } from './ItemForm';

const statusColors: Record<ItemStatus, string> = { open: 'orange', doing: 'blue', done: 'green', closed: 'default' };
const NEXT: Record<ItemStatus, ItemStatus[]> = { open: ['doing', 'done'], doing: ['done'], done: ['closed', 'doing'], closed: [] };

export function ItemsLedger({ drillId }: { drillId?: string }) {
  const [filter, setFilter] = useState<{ unit?: string; status?: ItemStatus }>({});
  const items = useLoad(() => request('item.list', { ...filter, drillId }), [filter.unit, filter.status, drillId]);
  const drills = useLoad(() => request('drill.list', {}));
  const [editing, setEditing] = useState<ImprovementItem | null>(null);
  const [statusOf, setStatusOf] = useState<{ item: ImprovementItem; to: ItemStatus } | null>(null);
  const [evidence, setEvidence] = useState('');
  const [date, setDate] = useState(dayjs());
  const { message } = AntApp.useApp();
  const exportItems = () => exportAndReport(message, () => request('item.export-docx', { ...filter, drillId }));
  // On a drill's evaluation page the menu exports its report; the ledger page's document is this list.
  useExportCommand(drillId ? null : () => void exportItems());
  const units = [...new Set((items.data ?? []).map((i) => i.unit))];
  const drillName = (id: string | null) => drills.data?.find((d) => d.id === id)?.name ?? '—';
  const changeStatus = async () => {
    if (!statusOf) return;
    try {
      await request('item.set-status', { id: statusOf.item.id, status: statusOf.to, evidence, date: date.format('YYYY-MM-DD') });
      setStatusOf(null);
      items.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Select allowClear placeholder="责任单位" style={{ width: 200 }} value={filter.unit} onChange={(unit) => setFilter({ ...filter, unit })} options={units.map((u) => ({ value: u, label: u }))} />
        <Button onClick={exportItems} data-testid="export-items">导出整改清单</Button>
        <Select allowClear placeholder="状态" style={{ width: 140 }} value={filter.status} onChange={(status) => setFilter({ ...filter, status })} options={Object.entries(ITEM_STATUSES).map(([value, label]) => ({ value, label }))} />
      </Space>
      <Table<ImprovementItem>
        rowKey="id"
        size="small"
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={(i) => (i.overdue ? 'row-overdue' : '')}
        locale={{ emptyText: '暂无整改事项。在演练评估的“发现”中对问题“提出整改”。' }}
        data-testid="items-table"
        // The content keeps a readable width; a narrow window scrolls the table instead of squeezing it.
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 110 },
          { title: '整改内容', dataIndex: 'description', minWidth: 150, render: (v: string, i) => <a onClick={() => setEditing(i)}>{v}</a> },
          { title: '来源演练', width: 150, render: (_, i) => (i.drillId ? <a onClick={() => navigate('evaluation', i.drillId!)}>{drillName(i.drillId)}</a> : '—') },
          // The finding it was raised from, shown in its drill's evaluation.
          { title: '来源发现', width: 80, render: (_, i) => (i.drillId && i.findingId ? <a onClick={() => navigate('evaluation', i.drillId!, 'finding', i.findingId!)} data-testid="item-finding">查看发现</a> : '—') },
          { title: '责任单位', dataIndex: 'unit', width: 120 },
          // As the exported 整改清单 has it: the person answerable, not only the unit.
          { title: '责任人', dataIndex: 'owner', width: 80, render: (v: string) => <span data-testid="item-owner">{v.trim() || '—'}</span> },
          { title: '完成时限', dataIndex: 'deadline', width: 110, render: (v: string, i) => (i.overdue ? <Tag color="red">{v} 已逾期</Tag> : v) },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: ItemStatus) => <Tag color={statusColors[s]}>{ITEM_STATUSES[s]}</Tag> },
          {
            title: '预案修订',
            width: 150,
            render: (_, i) =>
              i.request ? (
                i.request.status === 'resolved' ? <Tag color="green" onClick={() => navigate('plans', i.request!.planId, 'history')} style={{ cursor: 'pointer' }} title="打开预案的版本与状态" data-testid="request-resolved">已由 {i.request.resolvedVersionLabel} 修订</Tag> : <Tag color="orange" onClick={() => navigate('plans', i.request!.planId, ...(i.request!.sectionIds[0] ? ['at', i.request!.sectionIds[0]] : []))} style={{ cursor: 'pointer' }} data-testid="request-open">待修订预案</Tag>
              ) : i.needsPlanChange ? (
                // Saved before a plan change had to name its clauses: nothing was asked of any plan yet.
                <Tag color="red" onClick={() => setEditing(i)} style={{ cursor: 'pointer' }} data-testid="request-missing">未选条款，未提出修订请求</Tag>
              ) : '—',
          },
          {
            title: '操作',
            width: 150,
            fixed: 'right',
            render: (_, i) => (
              <Space size={0}>
                {NEXT[i.status].map((to) => (
                  <Button key={to} size="small" type="link" onClick={() => { setEvidence(i.evidence); setDate(dayjs()); setStatusOf({ item: i, to }); }}>
                    {ITEM_STATUSES[to]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ItemForm item={editing} planIds={drills.data?.find((d) => d.id === editing.drillId)?.planLinks.map((l) => l.planId)} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); items.reload(); }} />}
      <Modal open={statusOf !== null} title={statusOf ? `标记为“${ITEM_STATUSES[statusOf.to]}”` : ''} onCancel={() => setStatusOf(null)} onOk={changeStatus} okText="确定">
        <Typography.Paragraph>{statusOf?.item.description}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} />
          <Input.TextArea rows={3} placeholder="整改证明材料说明（如：已修订通讯录并印发，见区应急局〔2026〕5号）" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </Space>
      </Modal>
    </div>
  );
}
