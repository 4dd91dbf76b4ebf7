// 检查: the plan's findings (the same checks the Word export runs), one item per message, each place a link to its section.
import { Button, Card, List, Tag, Typography } from 'antd';
import { Fragment, memo } from 'react';
import { groupFindings } from '@shared/check-groups';
import type { CheckFinding } from '@shared/schemas/checks';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';

const severity: Record<CheckFinding['severity'], [string, string]> = { error: ['错误', 'red'], warning: ['警告', 'orange'], info: ['提示', 'blue'] };

export const ChecksPanel = memo(function ChecksPanel({ planId, refreshKey, onJump }: { planId: string; refreshKey: unknown; onJump: (sectionId: string) => void }) {
  const checks = useLoad(() => request('plan.checks', { id: planId }), [planId, refreshKey]);
  // The same hint in several sections is one item naming each of them, not the hint repeated.
  const groups = groupFindings(checks.data ?? []);
  return (
    <Card size="small" title={`检查（${groups.length}）`} extra={<Button size="small" type="link" onClick={checks.reload}>重新检查</Button>} data-testid="checks-panel">
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{checks.loading ? '检查中…' : '未发现问题。'}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={groups}
          style={{ maxHeight: 280, overflow: 'auto' }}
          renderItem={(g) => (
            <List.Item style={{ padding: '4px 0' }} data-testid={`finding-${g.code}`}>
              <div>
                <Tag color={severity[g.severity][1]}>{severity[g.severity][0]}</Tag>
                <span style={{ fontSize: 13 }}>{g.message}</span>
                {g.places.length > 0 && (
                  <div className="check-places">
                    {g.places.length > 1 ? `共 ${g.places.length} 处：` : '位置：'}
                    {/* ； between places: section titles hold 、 themselves (5.3.2 暴雪、道路结冰和寒潮). */}
                    {g.places.map((p, i) => (
                      <Fragment key={p.sectionId}>
                        {i > 0 && '；'}
                        <a onClick={() => onJump(p.sectionId)} title="转到该节" data-testid="finding-place">{p.where || '（该节）'}</a>
                      </Fragment>
                    ))}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
});
