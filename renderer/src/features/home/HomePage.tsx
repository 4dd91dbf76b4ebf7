// 工作台: what needs attention now, from real data, with empty states that say what to do first.
import { Alert, Button, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { request } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ComplianceList } from '../drills/ComplianceCard';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

export function HomePage() {
  const { data, error } = useLoad(() => request('home.summary'));
  if (error) return <Alert type="error" showIcon message="加载失败" description={error} />;
  if (!data) return null;
  return (
    <div>
      <PageHeader title="工作台" sub={`今天是 ${data.today}`} />
      {!data.profileComplete && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          data-testid="profile-incomplete"
          message="请先填写区情信息"
          description="区名、人民政府名称和应急管理部门会自动填入预案模板中的占位符。"
          action={<Button onClick={() => navigate('settings')}>前往设置</Button>}
        />
      )}
      {data.upstreamRevised.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          data-testid="home-upstream"
          message={`上位预案已修订，${data.upstreamRevised.length} 个预案待修订`}
          description={
            <List
              size="small"
              dataSource={data.upstreamRevised}
              renderItem={(u) => (
                <List.Item actions={[<Button key="m" size="small" onClick={() => navigate('plans', u.planId, 'merge', u.newRevision)}>查看变化并合并</Button>]}>
                  {u.title}：《{u.templateTitle}》已有 {u.newRevision} 年修订版
                </List.Item>
              )}
            />
          }
        />
      )}
      {data.openRequests.length > 0 && (
        <Card size="small" title={`预案修订请求（${data.openRequests.length} 条待修订）`} style={{ marginBottom: 16 }} data-testid="home-requests">
          <List
            size="small"
            dataSource={data.openRequests}
            renderItem={(r) => (
              <List.Item actions={[<Button key="o" size="small" onClick={() => navigate('plans', r.planId, 'at', r.sectionId)}>打开条款</Button>]}>
                {r.planTitle}：{r.clauses.join('、')}
                {r.item && <Typography.Text type="secondary">（整改：{r.item}）</Typography.Text>}
              </List.Item>
            )}
          />
        </Card>
      )}
      {data.compliance.length > 0 && (
        <Card size="small" title="演练频次需关注" style={{ marginBottom: 16 }} data-testid="home-compliance">
          <ComplianceList findings={data.compliance} />
        </Card>
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Card title="待评估的预案" data-testid="card-review-due">
            {data.reviewDue.length === 0 ? (
              <Empty description="暂无临近或超过评估期的预案。">
                <Button onClick={() => navigate('plans')}>打开预案库</Button>
              </Empty>
            ) : (
              <List
                dataSource={data.reviewDue}
                renderItem={(p) => (
                  <List.Item onClick={() => navigate('plans', p.planId)} style={{ cursor: 'pointer' }}>
                    <Typography.Text>{p.title}</Typography.Text>
                    <Tag color={p.daysLeft < 0 ? 'red' : 'orange'}>{p.daysLeft < 0 ? `已逾期 ${-p.daysLeft} 天` : `${p.daysLeft} 天后`}</Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title="近期演练" data-testid="card-upcoming-drills">
            {data.upcomingDrills.length === 0 ? (
              <Empty description="近期没有待实施的演练。">
                <Button onClick={() => navigate('drills')}>打开演练计划</Button>
              </Empty>
            ) : (
              <List
                dataSource={data.upcomingDrills}
                renderItem={(d) => (
                  <List.Item onClick={() => navigate('drills', d.drillId)} style={{ cursor: 'pointer' }}>
                    <Typography.Text>{d.name}</Typography.Text>
                    <Tag>{d.daysLeft === 0 ? '今天' : `${d.date}（${d.daysLeft} 天后）`}</Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title="未完成的整改事项" data-testid="card-open-items">
            {data.openItems.length === 0 ? (
              <Empty description="暂无整改事项。演练评估发现的问题会在这里跟踪到销号。">
                <Button onClick={() => navigate('evaluation')}>打开评估与整改</Button>
              </Empty>
            ) : (
              <List
                dataSource={data.openItems}
                renderItem={(i) => (
                  <List.Item onClick={() => navigate('evaluation')} style={{ cursor: 'pointer' }}>
                    <Typography.Text>{i.description}</Typography.Text>
                    <Tag color={i.overdue ? 'red' : 'blue'}>{i.unit} · {i.overdue ? `已逾期（${i.deadline}）` : i.deadline}</Tag>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
