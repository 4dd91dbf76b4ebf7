// The review of an imported revision: each new clause beside the previous clause it continues, to re-match or mark new;
// filters for what changed, what is new, and which previous clauses disappeared.
import { Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { headingNumbers } from '@shared/numbering';
import type { MatchHow, PreviousClause, ReviewClause, TemplateDocxPreview } from '@shared/schemas/template-import';

const NEW = '__new';
const HOW: Record<MatchHow, [string, string]> = {
  id: ['标题一致', 'green'],
  similarity: ['文字相近', 'blue'],
  manual: ['人工指定', 'purple'],
  new: ['新增条款', 'gold'],
};

type Filter = 'all' | 'changed' | 'new' | 'removed';
/** Anything but a clause carried over under the same heading with the same text. */
export const isChanged = (c: ReviewClause) => c.by !== 'id' || c.changed;

const numbered = (clauses: (ReviewClause | PreviousClause)[]) => headingNumbers(clauses, 'decimal');
const indent = (level: number) => ({ paddingLeft: (level - 1) * 16 });

export function MatchReviewTable({ preview, loading, onMatch }: { preview: TemplateDocxPreview; loading: boolean; onMatch: (index: number, previousId: string | null) => void }) {
  const [filter, setFilter] = useState<Filter>('all');
  const numbers = useMemo(() => numbered(preview.clauses), [preview.clauses]);
  const previousNumbers = useMemo(() => new Map(numbered(preview.previousClauses).map((n, i) => [preview.previousClauses[i]!.id, n])), [preview.previousClauses]);
  const options = useMemo(
    () => [{ value: NEW, label: '（作为新增条款）' }, ...preview.previousClauses.map((c) => ({ value: c.id, label: `${previousNumbers.get(c.id)}\u3000${c.title}` }))],
    [preview.previousClauses, previousNumbers],
  );
  const counts = {
    all: preview.clauses.length,
    changed: preview.clauses.filter(isChanged).length,
    new: preview.clauses.filter((c) => c.matchedFrom === null).length,
    removed: preview.removed.length,
  };
  const rows = filter === 'changed' ? preview.clauses.filter(isChanged) : filter === 'new' ? preview.clauses.filter((c) => c.matchedFrom === null) : preview.clauses;
  const hasPrevious = preview.previousClauses.length > 0;
  // A virtual table needs its height in pixels: what is left of the window under the form and filters.
  const height = Math.max(240, window.innerHeight - 520);

  const columns: ColumnsType<ReviewClause> = [
    {
      title: '新修订条款',
      key: 'title',
      render: (_, c) => (
        <div style={indent(c.level)} data-testid="review-title">
          <Typography.Text strong={c.level === 1}>
            {`${numbers[c.index]}\u3000${c.title}`}
          </Typography.Text>
          {c.excerpt && (
            <Typography.Paragraph type="secondary" ellipsis style={{ margin: 0, fontSize: 12 }}>
              {c.excerpt}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: '对应的原条款',
      key: 'match',
      width: 300,
      render: (_, c) =>
        hasPrevious ? (
          <Select
            size="small"
            style={{ width: '100%' }}
            value={c.matchedFrom ?? NEW}
            options={options}
            showSearch
            optionFilterProp="label"
            onChange={(v: string) => onMatch(c.index, v === NEW ? null : v)}
            data-testid="review-match"
            aria-label={`“${c.title}”对应的原条款`}
          />
        ) : (
          <Typography.Text type="secondary">新模板，无原条款</Typography.Text>
        ),
    },
    {
      title: '相似度',
      key: 'score',
      width: 120,
      render: (_, c) => (c.score === null ? <Typography.Text type="secondary">—</Typography.Text> : <Progress size="small" percent={Math.round(c.score * 100)} status={c.score >= 0.6 ? 'normal' : 'exception'} format={(p) => `${p}%`} />),
    },
    {
      title: '方式',
      key: 'how',
      width: 150,
      render: (_, c) => (
        <Space size={4} wrap>
          <Tag color={HOW[c.by][1]}>{HOW[c.by][0]}</Tag>
          {c.changed && <Tag color="orange">有改动</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="review">
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 8 }}
        data-testid="review-filter"
        options={[
          { value: 'all', label: `全部条款（${counts.all}）` },
          { value: 'changed', label: `有改动（${counts.changed}）` },
          { value: 'new', label: `新增（${counts.new}）` },
          { value: 'removed', label: `原条款已删除（${counts.removed}）` },
        ]}
      />
      {filter === 'removed' ? (
        <Table<PreviousClause>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ y: height }}
          dataSource={preview.removed}
          locale={{ emptyText: '原修订版本的条款都有对应' }}
          data-testid="review-removed"
          columns={[
            { title: '原条款', key: 'title', render: (_, c) => <span style={indent(c.level)}>{`${previousNumbers.get(c.id)}\u3000${c.title}`}</span> },
            { title: '条款编号', dataIndex: 'id', width: 240, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
            { title: '说明', key: 'note', width: 320, render: () => <Typography.Text type="secondary">新修订中没有对应条款；若实为改写，请在对应的新条款处选择它</Typography.Text> },
          ]}
        />
      ) : (
        <Table<ReviewClause>
          size="small"
          rowKey="index"
          pagination={false}
          loading={loading}
          virtual={rows.length > 150}
          scroll={{ y: height }}
          dataSource={rows}
          columns={columns}
          rowClassName={(c) => (c.matchedFrom === null ? 'review-row-new' : isChanged(c) ? 'review-row-changed' : '')}
          data-testid="review-table"
        />
      )}
    </div>
  );
}
