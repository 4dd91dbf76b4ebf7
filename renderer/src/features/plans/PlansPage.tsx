// 预案库: every district plan with its lineage and dates; create, open, duplicate, archive.
import { App as AntApp, Button, Input, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { PlanSummary } from '@shared/schemas/plan';
import { planStatusLabels } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { bytesToBase64, pickFile } from '../../api/files';
import { PageHeader } from '../../components/PageHeader';
import { useBusy } from '../../components/use-busy';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { exportPlan, exportPlans } from './export-plan';
import { NewPlanModal } from './NewPlanModal';
import { SearchResults } from './SearchResults';

const statusColors: Record<string, string> = { draft: 'default', consultation: 'blue', review: 'gold', published: 'green', abolished: 'red' };

function distinct(values: string[]) {
  return [...new Set(values)].filter(Boolean).map((v) => ({ text: v, value: v }));
}

export function PlansPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const plans = useLoad(() => request('plan.list', { includeArchived }), [includeArchived]);
  const app = AntApp.useApp();
  const { message, modal } = app;
  const [selected, setSelected] = useState<string[]>([]);
  const rows = plans.data ?? [];
  // 复制 and 导入 Word each add a plan: a double click must add one.
  const [busy, once] = useBusy();

  const importWord = () => once('import', async () => {
    try {
      const file = await pickFile('导入现有预案（Word）', 'Word 文档', ['docx']);
      if (!file) return;
      const hide = message.loading('正在读取文档…', 0);
      try {
        const r = await request('plan.import-docx', { fileName: file.name, dataBase64: bytesToBase64(file.bytes) });
        modal.success({ title: `已导入“${r.title}”（${r.sections} 个章节）`, content: r.warnings.length ? <ul>{r.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul> : '请检查章节结构和编号是否正确。', onOk: () => navigate('plans', r.planId) });
      } finally {
        hide();
      }
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span>, duration: 8 });
    }
  });

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      plans.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const archive = (p: PlanSummary) =>
    modal.confirm({
      title: `归档“${p.title}”？`,
      content: '归档后预案不再显示在列表中，但不会被删除，可随时在“显示已归档”中找回并恢复。',
      okText: '归档',
      onOk: () => act(() => request('plan.archive', { id: p.id, archived: true }), '已归档'),
    });

  const columns: ColumnsType<PlanSummary> = [
    { title: '编号', dataIndex: 'code', width: 140, sorter: (a, b) => a.code.localeCompare(b.code) },
    {
      title: '名称',
      dataIndex: 'title',
      minWidth: 160,
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
      // The name on its own line, the tags wrapping under it: a long name never shrinks to a column of single characters.
      render: (v: string, p) => (
        <div>
          <a onClick={() => navigate('plans', p.id)}>{v}</a>
          <div className="plan-tags">
            {p.archived && <Tag>已归档</Tag>}
            {p.unfilledPlaceholders > 0 && <Tag color="orange">{p.unfilledPlaceholders} 处待填</Tag>}
            {p.upstreamRevision && <Tag color="red" data-testid="tag-upstream">上位预案已修订，待修订</Tag>}
            {p.openRequests > 0 && <Tag color="volcano" data-testid="tag-requests">{p.openRequests} 项修订请求</Tag>}
          </div>
        </div>
      ),
    },
    { title: '灾种', dataIndex: 'hazard', width: 110, filters: distinct(rows.map((r) => r.hazard)), onFilter: (v, r) => r.hazard === v },
    { title: '牵头单位', dataIndex: 'leadUnit', width: 150, filters: distinct(rows.map((r) => r.leadUnit)), onFilter: (v, r) => r.leadUnit === v },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      filters: Object.entries(planStatusLabels).map(([value, text]) => ({ value, text })),
      onFilter: (v, r) => r.status === v,
      // A draft with a published date is the revision of a published plan: the published version stays in force.
      render: (s: PlanSummary['status'], r) =>
        s === 'draft' && r.publishedDate ? (
          <Tag color="cyan" title={`${r.publishedDate} 发布的版本仍然有效；本修订稿发布后替代它。`} data-testid="tag-revising">修订中</Tag>
        ) : (
          <Tag color={statusColors[s]}>{planStatusLabels[s]}</Tag>
        ),
    },
    { title: '上位预案及修订', width: 220, render: (_, p) => (p.templateTitle ? `${p.templateTitle}（${p.templateRevision}）` : '—') },
    { title: '发布日期', dataIndex: 'publishedDate', width: 110, sorter: (a, b) => (a.publishedDate ?? '').localeCompare(b.publishedDate ?? ''), render: (v) => v ?? '—' },
    { title: '下次评估日期', dataIndex: 'nextReviewDate', width: 120, sorter: (a, b) => (a.nextReviewDate ?? '').localeCompare(b.nextReviewDate ?? ''), render: (v) => v ?? '—' },
    {
      title: '操作',
      width: 210,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate('plans', p.id)}>打开</Button>
          <Button type="link" size="small" loading={busy === `duplicate:${p.id}`} onClick={() => once(`duplicate:${p.id}`, () => act(() => request('plan.duplicate', { id: p.id }), '已复制'))}>复制</Button>
          <Button type="link" size="small" onClick={() => exportPlan(app, p.id)}>导出</Button>
          {p.archived ? (
            <Button type="link" size="small" onClick={() => act(() => request('plan.archive', { id: p.id, archived: false }), '已恢复')}>恢复</Button>
          ) : (
            <Button type="link" size="small" onClick={() => archive(p)}>归档</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="预案库"
        sub="本区专项应急预案"
        extra={
          <>
            <Input.Search placeholder={includeArchived ? '全文检索（含已归档预案）' : '全文检索（未归档的预案）'} allowClear style={{ width: 260 }} onSearch={(q) => setQuery(q.trim())} data-testid="plan-search" />
            <Space style={{ marginRight: 8 }}>
              <Switch checked={includeArchived} onChange={setIncludeArchived} size="small" data-testid="show-archived" />
              显示已归档
            </Space>
            <Button onClick={importWord} loading={busy === 'import'} data-testid="import-docx">导入 Word</Button>
            <Button disabled={selected.length === 0} onClick={() => exportPlans(app, selected)} data-testid="batch-export">批量导出{selected.length ? `（${selected.length}）` : ''}</Button>
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-plan">新建预案</Button>
          </>
        }
      />
      {query && <SearchResults query={query} includeArchived={includeArchived} onClose={() => setQuery('')} />}
      <Table
        rowKey="id"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={plans.loading && !plans.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有预案。点击“新建预案”，选择一个市级预案模板开始编制。' }}
        data-testid="plan-table"
      />
      <NewPlanModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
