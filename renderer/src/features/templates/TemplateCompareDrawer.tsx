// 模板库 → 修订对比: what a municipal revision changed against another of the same plan, clause by clause.
import { Alert, Drawer, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { ClauseChangeKind } from '@shared/schemas/revision';
import type { TemplateSummary } from '@shared/schemas/template';
import { request } from '../../api/client';
import { ClauseChangeList } from '../../components/ClauseChangeList';
import { useLoad } from '../../components/use-load';

/** `revisions`: every revision of one template, newest first; opens on `to` against the one it replaces (else the next older). */
export function TemplateCompareDrawer({ revisions, to, onClose }: { revisions: TemplateSummary[]; to: TemplateSummary; onClose: () => void }) {
  const older = revisions.find((r) => r.revision === to.supersedes) ?? revisions.find((r) => r.revisionYear < to.revisionYear) ?? revisions.find((r) => r !== to)!;
  const [range, setRange] = useState({ from: older.revision, to: to.revision });
  const result = useLoad(() => request('template.compare', { templateId: to.id, ...range }), [to.id, range.from, range.to]);
  const options = revisions.map((r) => ({ value: r.revision, label: `${r.revision} 修订` }));
  const changed = (result.data ?? []).filter((c) => !c.kinds.includes('same'));
  const count = (kind: ClauseChangeKind) => changed.filter((c) => c.kinds.includes(kind)).length;
  return (
    <Drawer open width="70%" title={`修订对比：${to.title}`} onClose={onClose} data-testid="template-compare">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select style={{ width: 140 }} value={range.from} options={options} onChange={(from) => setRange({ ...range, from })} data-testid="template-compare-from" />
        →
        <Select style={{ width: 140 }} value={range.to} options={options} onChange={(v) => setRange({ ...range, to: v })} data-testid="template-compare-to" />
        {result.data && (
          <Typography.Text data-testid="template-compare-stats">
            共 {changed.length} 条有变化：新增 {count('added')} · 删除 {count('removed')} · 修改 {count('reworded')} · 移动 {count('moved')}
          </Typography.Text>
        )}
      </Space>
      {range.from === range.to && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="请选择两个不同的修订版本进行对比" />}
      {result.error && <Alert type="error" showIcon message="对比失败" description={result.error} />}
      {result.loading && !result.data && <Spin />}
      {result.data && range.from !== range.to && <ClauseChangeList changes={result.data} testId="template-compare-changes" />}
    </Drawer>
  );
}
