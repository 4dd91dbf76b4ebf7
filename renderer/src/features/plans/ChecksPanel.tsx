// 检查: the plan's findings (the same checks the Word export runs), each linking to its place.
import { Button, Card, List, Tag, Typography } from 'antd';
import { memo } from 'react';
import type { CheckFinding } from '@shared/schemas/checks';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';

const severity: Record<CheckFinding['severity'], [string, string]> = { error: ['错误', 'red'], warning: ['警告', 'orange'], info: ['提示', 'blue'] };

export const ChecksPanel = memo(function ChecksPanel({ planId, refreshKey, onJump }: { planId: string; refreshKey: unknown; onJump: (sectionId: string) => void }) {
  const checks = useLoad(() => request('plan.checks', { id: planId }), [planId, refreshKey]);
  const list = checks.data ?? [];
  return (
    <Card size="small" title={`检查（${list.length}）`} extra={<Button size="small" type="link" onClick={checks.reload}>重新检查</Button>} data-testid="checks-panel">
      {list.length === 0 ? (
        <Typography.Text type="secondary">{checks.loading ? '检查中…' : '未发现问题。'}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={list}
          style={{ maxHeight: 280, overflow: 'auto' }}
          renderItem={(f) => (
            <List.Item style={{ cursor: f.sectionId ? 'pointer' : undefined, padding: '4px 0' }} onClick={() => f.sectionId && onJump(f.sectionId)} data-testid={`finding-${f.code}`}>
              <div>
                <Tag color={severity[f.severity][1]}>{severity[f.severity][0]}</Tag>
                <span style={{ fontSize: 13 }}>{f.message}</span>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
});
