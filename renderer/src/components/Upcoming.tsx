// An honest placeholder for a section whose feature has not landed yet: says what it will hold.
import { Card, Empty } from 'antd';
import { PageHeader } from './PageHeader';

export function Upcoming({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <PageHeader title={title} />
      <Card>
        <Empty description={<span data-testid="upcoming">{description}（本版本尚未提供）</span>} />
      </Card>
    </div>
  );
}
