// The title row every page starts with.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, sub }: { title: string; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        {/* A long name (drills are named freely) takes two lines at most, in full on hover: the buttons stay beside it. */}
        <Typography.Title level={3} style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: title }} data-testid="page-title">
          {title}
        </Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      <Flex gap={8}>{extra}</Flex>
    </Flex>
  );
}
