// 演练频次: which drill-frequency rules are met, still to schedule this year, at risk, or overdue, each linking to the fix.
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { ComplianceFinding } from '@shared/schemas/drill';
import { navigate } from '../../route';

const states: Record<ComplianceFinding['state'], [string, string]> = { met: ['已满足', 'green'], unscheduled: ['待安排', 'blue'], 'at-risk': ['存在风险', 'orange'], overdue: ['已逾期', 'red'] };

export function ComplianceList({ findings, onPlan }: { findings: ComplianceFinding[]; onPlan?: (f: ComplianceFinding) => void }) {
  return (
    <List
      size="small"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item
          data-testid={`compliance-${f.state}`}
          actions={[
            f.drillId && <Button key="d" size="small" type="link" onClick={() => navigate('drills', f.drillId!)}>打开演练</Button>,
            f.planId && <Button key="p" size="small" type="link" onClick={() => navigate('plans', f.planId!)}>打开预案</Button>,
            f.state !== 'met' && onPlan && <Button key="n" size="small" type="link" onClick={() => onPlan(f)}>安排演练</Button>,
          ].filter(Boolean)}
        >
          <Space align="start">
            <Tag color={states[f.state][1]}>{states[f.state][0]}</Tag>
            <span>
              <Typography.Text type="secondary">{f.ruleLabel}：</Typography.Text>
              {f.message}
            </span>
          </Space>
        </List.Item>
      )}
    />
  );
}

export function ComplianceCard({ findings, onPlan }: { findings: ComplianceFinding[]; onPlan: (f: ComplianceFinding) => void }) {
  const bad = findings.filter((f) => f.state !== 'met');
  return (
    <Card
      size="small"
      title={`演练频次检查（${bad.length ? `${bad.length} 项需关注` : '全部满足'}）`}
      extra={<Button size="small" type="link" onClick={() => navigate('settings')} data-testid="compliance-rules-link">调整频次规则</Button>}
      style={{ marginBottom: 16 }}
      data-testid="compliance-card"
    >
      <ComplianceList findings={[...bad, ...findings.filter((f) => f.state === 'met')]} onPlan={onPlan} />
    </Card>
  );
}
