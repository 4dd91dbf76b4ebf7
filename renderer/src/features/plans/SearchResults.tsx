// 全文检索 results across the plans the library shows (and, on request, their saved versions), opening the plan at the hit.
import { Card, Checkbox, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { Highlighted } from '../../components/DiffText';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

/**
 * includeArchived follows the library's 显示已归档: a planner drafting today looks for live text and would
 * wade through superseded plans' hits; one looking for an old plan's wording turns the switch on, as they
 * would to see the plan in the list. Archived hits come last, tagged 已归档.
 */
export function SearchResults({ query, includeArchived, onClose }: { query: string; includeArchived: boolean; onClose: () => void }) {
  const [includeVersions, setIncludeVersions] = useState(false);
  const hits = useLoad(() => request('search.query', { query, includeVersions, includeArchived, limit: 100 }), [query, includeVersions, includeArchived]);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={`“${query}”的检索结果${hits.data ? `（${hits.data.length}）` : ''}`}
      extra={<Space><Checkbox checked={includeVersions} onChange={(e) => setIncludeVersions(e.target.checked)}>包含历史版本</Checkbox><a onClick={onClose}>关闭</a></Space>}
      data-testid="search-results"
    >
      {hits.error && <Typography.Text type="danger">{hits.error}</Typography.Text>}
      {hits.data && hits.data.length === 0 && <Empty description="没有找到" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <List
        size="small"
        dataSource={hits.data ?? []}
        renderItem={(h) => (
          <List.Item style={{ cursor: h.versionId ? undefined : 'pointer' }} onClick={() => !h.versionId && navigate('plans', h.planId, 'at', h.sectionId)} data-testid="search-hit">
            <div>
              <Space>
                <Typography.Text strong>{h.planTitle}</Typography.Text>
                {h.planCode && <Typography.Text type="secondary" data-testid="search-hit-code">{h.planCode}</Typography.Text>}
                {h.archived && <Tag>已归档</Tag>}
                <Typography.Text>› {h.sectionTitle}</Typography.Text>
                {h.versionLabel && <Tag>{h.versionLabel}</Tag>}
              </Space>
              <div style={{ color: '#595959', fontSize: 13 }}><Highlighted snippet={h.snippet} /></div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
