// 评估与整改: drills to evaluate, the improvement ledger, and the plan revision requests it raised.
import { Button, Table, Tabs, Tag } from 'antd';
import type { Drill, ListedDrill } from '@shared/schemas/drill';
import { DRILL_STATUSES } from '@shared/vocabulary';
import { request } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { ItemsLedger } from './ItemsLedger';

export function EvaluationPage() {
  const drills = useLoad(() => request('drill.list', {}));
  const done = (drills.data ?? []).filter((d) => d.status !== 'planned' && d.status !== 'preparing');
  return (
    <div>
      <PageHeader title="评估与整改" sub="演练评估、发现的问题与整改跟踪，直至预案修订销号" />
      <Tabs
        items={[
          {
            key: 'drills',
            label: '演练评估',
            children: (
              <Table<ListedDrill>
                rowKey="id"
                dataSource={done}
                pagination={false}
                locale={{ emptyText: '还没有已实施的演练。演练实施后在这里评估。' }}
                columns={[
                  { title: '演练', dataIndex: 'name' },
                  { title: '日期', width: 120, render: (_, d) => d.held.date },
                  { title: '状态', dataIndex: 'status', width: 100, render: (s: Drill['status']) => <Tag>{DRILL_STATUSES[s]}</Tag> },
                  { title: '', width: 120, render: (_, d) => <Button size="small" type="primary" onClick={() => navigate('evaluation', d.id)} data-testid="open-evaluation">评估</Button> },
                ]}
              />
            ),
          },
          { key: 'items', label: '整改台账', children: <ItemsLedger /> },
        ]}
      />
    </div>
  );
}
