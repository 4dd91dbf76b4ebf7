// 演练脚本与实施: every drill of the year with its script and console.
import { Button, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Drill } from '@shared/schemas/drill';
import { DRILL_STATUSES } from '@shared/vocabulary';
import { request } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

export function ScriptsPage() {
  const drills = useLoad(() => request('drill.list', {}));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div>
      <PageHeader title="演练脚本与实施" sub="编写演练脚本，演练当天在这里下达注入、记录过程" />
      <Table<Drill>
        rowKey="id"
        dataSource={[...(drills.data ?? [])].sort((a, b) => Math.abs(dayjs(a.date).diff(today)) - Math.abs(dayjs(b.date).diff(today)))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有演练。先在“演练计划”中新建演练。' }}
        columns={[
          { title: '演练', dataIndex: 'name' },
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: Drill['status']) => <Tag>{DRILL_STATUSES[s]}</Tag> },
          {
            title: '',
            width: 220,
            render: (_, d) => (
              <Space>
                <Button size="small" onClick={() => navigate('scripts', d.id)}>编写脚本</Button>
                <Button size="small" type="primary" onClick={() => navigate('scripts', d.id, 'run')}>进入实施</Button>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
