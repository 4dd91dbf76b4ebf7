// 版本对比: section-aware changes between two versions (or a version and the draft), with inline diffs.
import { App as AntApp, Button, Drawer, Empty, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SectionChange, VersionInfo } from '@shared/schemas/revision';
import { request } from '../../api/client';
import { exportAndReport } from '../../components/export-file';
import { DiffText } from '../../components/DiffText';
import { useLoad } from '../../components/use-load';

const kindLabels: Record<SectionChange['kinds'][number], [string, string]> = {
  added: ['新增', 'green'],
  removed: ['删除', 'red'],
  moved: ['移动', 'blue'],
  changed: ['修改', 'orange'],
  same: ['未变', 'default'],
};

export function CompareDrawer({ planId, versions, initial, onClose }: { planId: string; versions: VersionInfo[]; initial: { from: string; to: string }; onClose: () => void }) {
  const [range, setRange] = useState(initial);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const { message } = AntApp.useApp();
  const result = useLoad(() => request('plan.compare', { id: planId, ...range }), [planId, range.from, range.to]);
  const options = [{ value: 'draft', label: '当前草稿' }, ...versions.map((v) => ({ value: v.id, label: `V${v.seq} ${v.note.split('\n')[0]!.slice(0, 20)}` }))];
  const changes = (result.data?.changes ?? []).filter((c) => !onlyChanges || !c.kinds.includes('same'));
  return (
    <Drawer open width="80%" title="版本对比" onClose={onClose} data-testid="compare-drawer">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select style={{ width: 240 }} value={range.from} options={options} onChange={(from) => setRange({ ...range, from })} />
        →
        <Select style={{ width: 240 }} value={range.to} options={options} onChange={(to) => setRange({ ...range, to })} />
        <Select style={{ width: 140 }} value={onlyChanges} onChange={setOnlyChanges} options={[{ value: true, label: '只看变化' }, { value: false, label: '全部章节' }]} />
        <Button onClick={() => exportAndReport(message, () => request('plan.export-revision-table', { id: planId, ...range }))} data-testid="export-revision-table">导出修订对照表</Button>
        {result.data && (
          <Typography.Text data-testid="compare-stats">
            新增 {result.data.stats.added} · 删除 {result.data.stats.removed} · 移动 {result.data.stats.moved} · 修改 {result.data.stats.changed}
          </Typography.Text>
        )}
      </Space>
      {result.loading && !result.data && <Spin />}
      {result.data && changes.length === 0 && <Empty description="两个版本内容相同" />}
      <List
        dataSource={changes}
        renderItem={(c) => (
          <List.Item data-testid="compare-change">
            <div style={{ width: '100%' }}>
              <Space>
                {c.kinds.map((k) => <Tag key={k} color={kindLabels[k][1]}>{kindLabels[k][0]}</Tag>)}
                <Typography.Text strong>
                  {c.newNumber ?? c.oldNumber} {c.newTitle ?? c.oldTitle}
                </Typography.Text>
                {c.oldNumber && c.newNumber && c.oldNumber !== c.newNumber && <Typography.Text type="secondary">（原 {c.oldNumber}）</Typography.Text>}
              </Space>
              {c.diff && <DiffText parts={c.diff} />}
            </div>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
